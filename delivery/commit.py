"""Third step of the flow, from the upload page: store exactly what the user reviewed, then start
the derived results in the background.

The files are stored with the validation results of the review (`load_files(reviewed=...)`, by
the sha256 of the reviewed bytes), not validated a second time, in one warehouse swap; or nothing
is stored and a version conflict is reported when another load changed one of the reviewed
(department, year, channel) since. The protected publication and the estimate are computed after
the swap by `etl.derivation.start_derivation`, so 'Vastleggen' does not wait for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from access.principal import AccessDenied, Principal, require_upload
from delivery.review import SOURCE, Review
from etl import warehouse
from etl.derivation import start_derivation
from etl.loading import LoadOutcome, Scope, load_files

NOTE_MAX_CHARACTERS = 500


@dataclass
class CommitResult:
    """'committed' (see receipts), 'conflict' (see conflicts), 'reason_required' or 'not_ready'."""

    status: str
    identity: str
    receipts: list[LoadOutcome] = field(default_factory=list)
    conflicts: list[Scope] = field(default_factory=list)
    note: str | None = None

    @property
    def changed(self) -> bool:
        return any(r.status == "loaded" for r in self.receipts)


def commit(
    review: Review,
    principal: Principal,
    db_path: Path | None = None,
    reason: str | None = None,
    confirmed: bool = False,
    today: dt.date | None = None,
) -> CommitResult:
    """Store the reviewed files in one swap of the warehouse, unless something changed meanwhile.

    The access check is made again with the principal of this request. An implausible jump needs
    `confirmed` and a reason; the reason becomes the submissions' note. Every file is stored
    with the validation result of the review (`today` is passed on for the rule that a file
    without a reviewed result would be validated by).
    """
    if principal.identity != review.principal_identity:
        raise AccessDenied(principal.identity, "commit another user's review")
    require_upload(principal, review.departments)
    if not review.ready:
        return CommitResult("not_ready", principal.identity)
    note = None
    if review.jumps:
        reason = (reason or "").strip()
        if not (confirmed and reason):
            return CommitResult("reason_required", principal.identity)
        note = f"Sprong bevestigd: {reason[:NOTE_MAX_CHARACTERS]}"
    path = Path(db_path or warehouse.default_db_path())
    outcomes = load_files(
        [f.incoming for f in review.files],
        path,
        loaded_by=principal.identity,
        note=note,
        today=today,
        expected_current=review.expected_current,
        source=SOURCE,
        journal=True,
        reviewed=review.results,
    )
    conflicts = sorted({scope for o in outcomes for scope in o.conflicts})
    if conflicts:
        return CommitResult("conflict", principal.identity, outcomes, conflicts, note)
    result = CommitResult("committed", principal.identity, outcomes, note=note)
    if result.changed:
        # In the background: the user gets the receipt now; readers compute what is not stored yet.
        start_derivation(path)
    return result
