"""Page 'Aanleveren': choose files, see the check and what will change, commit, see the history.

Only draws: every decision, and every access check, is in delivery/ and access/, made again on
each run with the principal of that run (app/auth.py); the tables come from
presentation/upload_tables.py. Text from outside (file names, messages that name columns, notes,
identities) goes through components.literal, so that it is shown as written and never as Markdown
or HTML; file names are capped (etl.problems.short_file_name).
"""

import streamlit as st

from access.principal import MODE_LOCAL, MODE_LOGIN, AccessDenied
from access.roles import known_departments
from app import auth, components, web
from base.formatting import format_number
from base.texts import text
from delivery import history
from delivery.commit import NOTE_MAX_CHARACTERS, CommitResult, commit
from delivery.error_report import error_report, error_report_name
from delivery.jumps import jump_factor
from delivery.review import Review, review_files, signature
from etl.contract import FTE_FILE, MEASURES_FILE
from etl.loading import IncomingFile
from etl.problems import short_file_name
from presentation import upload_tables as tables
from presentation.labels import loader_label

lang = web.lang()


def tx(key: str, /, **params: object) -> str:
    return text(key, lang, **params)


def shown_name(file_name: str) -> str:
    """A file name for a message or label: capped, and shown as written."""
    return components.literal(short_file_name(file_name))


def show_review(review: Review) -> None:
    st.subheader(tx("upload.check_heading"))
    for file in review.files:
        if file.accepted and file.result.file_kind == FTE_FILE:
            st.success(tx("upload.file_ok_fte", file=shown_name(file.file_name), rows=file.rows))
        elif file.accepted and file.result.file_kind == MEASURES_FILE:
            summary = tables.measures_summary(file.result.records, lang)
            st.success(tx("upload.file_ok_measures", file=shown_name(file.file_name), **summary))
        elif file.accepted:
            st.success(
                tx(
                    "upload.file_ok",
                    file=shown_name(file.file_name),
                    rows=format_number(file.rows, lang=lang),
                    reports=format_number(file.reports, lang=lang),
                )
            )
        else:
            st.error(
                tx(
                    "upload.file_rejected",
                    file=shown_name(file.file_name),
                    count=len(file.problems),
                )
            )
            st.markdown(
                "\n".join(
                    f"- {components.literal(line)}"
                    for line in tables.problem_lines(file.problems, lang)
                )
            )
            st.download_button(
                tx("upload.error_report"),
                data=error_report(file, lang),
                file_name=error_report_name(file.file_name),
                mime="text/csv",
                help=tx("upload.error_report_help"),
                key=f"upload_report_{file.incoming.sha256[:16]}",
                on_click="ignore",
            )
    if review.denied:
        own = ", ".join(principal.upload_departments(known_departments())) or "-"
        st.error(tx("upload.denied", departments=", ".join(review.denied), own=own))
        return
    if review.overlapping:
        st.error(tx("upload.overlap", scopes=tables.scope_text(review.overlapping, lang)))
        return
    if not review.valid:
        st.warning(tx("upload.fix_first"))
        return
    for file in review.files:
        if file.in_force:
            st.info(
                tx("upload.identical", file=shown_name(file.file_name), submission_id=file.in_force)
            )
    st.subheader(tx("upload.preview_heading"))
    st.caption(tx("upload.preview_intro"))
    if not review.channel_table.empty:
        st.markdown(f"**{tx('upload.per_channel')}**")
        st.dataframe(tables.channel_display(review, lang), hide_index=True, width="stretch")
        with st.expander(tx("upload.per_category")):
            st.dataframe(tables.category_display(review, lang), hide_index=True, width="stretch")
    if not review.fte_table.empty:
        st.markdown(f"**{tx('upload.fte_heading')}**")
        st.dataframe(tables.fte_display(review, lang), hide_index=True, width="stretch")
    if not review.measures_table.empty:
        st.markdown(f"**{tx('upload.measures_heading')}**")
        st.caption(tx("upload.measures_intro"))
        st.dataframe(tables.measures_display(review, lang), hide_index=True, width="stretch")
        # Participants are counts of people, shown raw here: only this department's uploaders and
        # administrators see the review, and they submit the file itself (the page
        # 'Meldingsbereidheid' shows small numbers of participants as '<5').
        with st.expander(tx("upload.measures_rows")):
            st.dataframe(
                tables.measures_rows_display(review, lang), hide_index=True, width="stretch"
            )
    st.markdown(f"**{tx('upload.replaced_heading')}**")
    if review.replaced.empty:
        st.caption(tx("upload.nothing_replaced"))
    else:
        st.dataframe(tables.replaced_display(review, lang), hide_index=True, width="stretch")


def show_result(result: CommitResult) -> None:
    if result.status == "conflict":
        st.warning(tx("upload.conflict", scopes=tables.scope_text(result.conflicts, lang)))
        return
    if result.status == "reason_required":
        st.warning(tx("upload.jump_reason_required"))
        return
    if result.status != "committed":
        st.warning(tx("upload.fix_first"))
        return
    st.subheader(tx("upload.receipt_heading"))
    for receipt in result.receipts:
        if receipt.status == "unchanged":
            st.info(
                tx(
                    "upload.receipt_unchanged",
                    file=shown_name(receipt.file_name),
                    submission_id=receipt.submission_id,
                )
            )
            continue
        loaded = {
            "file": shown_name(receipt.file_name),
            "submission_id": receipt.submission_id,
            "rows": format_number(receipt.rows, lang=lang),
        }
        if receipt.file_kind == MEASURES_FILE:
            what = tx("upload.receipt_loaded_measures", **loaded)
        elif receipt.file_kind == FTE_FILE:
            what = tx("upload.receipt_loaded_fte", **loaded)
        else:
            reports = format_number(receipt.reports, lang=lang)
            what = tx("upload.receipt_loaded", **loaded, reports=reports)
        lines = [what, tx("upload.receipt_sha", sha256=receipt.sha256)]
        for old_id, scope in receipt.replaced.items():
            lines.append(
                tx(
                    "upload.receipt_replaced",
                    old_submission_id=old_id,
                    scope=tables.scope_text(scope, lang),
                )
            )
        if not receipt.replaced:
            lines.append(
                tx("upload.receipt_new_scope", scope=tables.scope_text(receipt.scope, lang))
            )
        lines.append(
            tx(
                "upload.receipt_by",
                identity=components.literal(loader_label(result.identity, lang)),
            )
        )
        if result.note:
            lines.append(tx("upload.receipt_note", note=components.literal(result.note)))
        st.success("  \n".join(lines))
        if receipt.channel_totals:
            st.dataframe(
                {
                    tx("upload.col.channel"): [tx(f"channel.{c}") for c in receipt.channel_totals],
                    tx("upload.col.reports"): [
                        format_number(n, lang=lang) for n in receipt.channel_totals.values()
                    ],
                },
                hide_index=True,
            )


def show_history() -> None:
    st.subheader(tx("upload.history_heading"))
    departments = principal.upload_departments(known_departments())
    if st.session_state.get("upload_history") not in departments:
        latest = history.latest_department(principal, web.db_path())
        st.session_state["upload_history"] = latest if latest in departments else departments[0]
    department = st.selectbox(tx("upload.history_department"), departments, key="upload_history")
    if department is None:
        return
    submissions = history.department_history(principal, department, web.db_path())
    if submissions.empty:
        st.caption(tx("upload.history_empty", department=department))
    else:
        st.dataframe(tables.history_table(submissions, lang), hide_index=True, width="stretch")
        chosen = st.selectbox(
            tx("upload.download_choice"),
            list(submissions.loc[submissions["downloadable"], "submission_id"]),
            format_func=lambda sid: (
                f"{sid} – "
                + short_file_name(submissions.set_index("submission_id").at[sid, "file_name"])
            ),
            key="upload_download_choice",
        )
        if chosen is not None:
            file_name, content = history.submitted_file(principal, chosen, web.db_path())
            st.download_button(
                tx("upload.download", file=shown_name(file_name)),
                data=content,
                file_name=file_name,
                key="upload_download",
                on_click="ignore",
            )
    with st.expander(tx("upload.audit_heading")):
        trail = history.audit_trail(principal, department, web.db_path())
        st.dataframe(tables.audit_table(trail, lang), hide_index=True, width="stretch")


def main() -> None:
    st.title(tx("upload.title"))
    if principal.mode == MODE_LOCAL:
        st.info(
            tx(
                "upload.local_mode",
                identity=components.literal(loader_label(principal.identity, lang)),
            ),
            icon=":material/computer:",
        )
    if not principal.can_upload:
        st.error(tx("upload.no_rights"))
        st.stop()
    if principal.mode == MODE_LOGIN:
        departments = (
            tx("upload.all_departments")
            if principal.is_administrator
            else ", ".join(sorted(principal.departments))
        )
        st.caption(
            tx(
                "upload.logged_in_rights",
                identity=components.literal(principal.identity),
                departments=departments,
            )
        )
    st.markdown(tx("upload.intro"))

    state = st.session_state
    state.setdefault("upload_nonce", 0)
    if "upload_result" in state:
        show_result(state["upload_result"])

    st.subheader(tx("upload.new_heading"))
    components.file_uploader_in_language(lang)
    chosen = st.file_uploader(
        tx("upload.files_label"),
        type=["csv", "txt", "xlsx"],
        accept_multiple_files=True,
        key=f"upload_files_{state['upload_nonce']}",
    )
    files = [IncomingFile(f.name, f.getvalue()) for f in chosen or []]
    if files:
        wanted = signature(principal.identity, files)
        review = state.get("upload_review")
        if review is None or review.signature != wanted:
            state.pop("upload_result", None)
            review = review_files(files, principal, web.db_path())
            state["upload_review"] = review
        show_review(review)
        if review.ready:
            reason, confirmed = None, False
            if review.jumps:
                st.warning(
                    f"**{tx('upload.jump_heading')}.** "
                    + tx("upload.jump_intro", factor=format_number(jump_factor(), lang=lang))
                    + "\n\n"
                    + "\n".join(f"- {jump.describe(lang)}" for jump in review.jumps)
                )
                confirmed = st.checkbox(tx("upload.jump_confirm"), key="upload_jump_confirm")
                reason = st.text_area(
                    tx("upload.jump_reason"),
                    key="upload_jump_reason",
                    max_chars=NOTE_MAX_CHARACTERS,
                )
            left, right = st.columns([1, 4])
            result = state.get("upload_result")
            conflicted = result is not None and result.status == "conflict"
            pressed = left.button(
                tx("upload.commit"), type="primary", key="upload_commit", disabled=conflicted
            )
            again = right.button(tx("upload.review_again"), key="upload_review_again")
            if again:
                state.pop("upload_review", None)
                state.pop("upload_result", None)
                st.rerun()
            if pressed:
                with st.spinner(tx("upload.committing")):
                    result = commit(
                        review, principal, web.db_path(), reason=reason, confirmed=confirmed
                    )
                state["upload_result"] = result
                if result.status == "committed":
                    state["upload_history"] = review.departments[0]  # show what just changed
                    state.pop("upload_review", None)
                    state.pop("upload_jump_reason", None)
                    state.pop("upload_jump_confirm", None)
                    state["upload_nonce"] += 1  # an empty file chooser for the next submission
                st.rerun()
    else:
        state.pop("upload_review", None)

    st.divider()
    show_history()


principal = auth.current_principal()
with web.guarded():
    try:
        main()
    except AccessDenied:  # checked on the server for every action, whatever the page shows
        st.error(tx("upload.no_rights"))
