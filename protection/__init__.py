"""Statistical disclosure control: every count a page or export shows goes through this package."""

from protection.aggregates import CellKey, CellStatus
from protection.audit import Interval
from protection.display import (
    BELOW_THRESHOLD_FOOTNOTE,
    SECONDARY_FOOTNOTE,
    UNPROTECTABLE_MESSAGE,
    protection_text,
)
from protection.grouping import DEFAULT_GROUP_LABEL, UnitGrouping, group_small_units
from protection.rules import MIN_WIDTH_VARIABLE, THRESHOLD_VARIABLE, ProtectionRules
from protection.suppression import UnprotectableError
from protection.tables import (
    TOTAL,
    LinkedSet,
    ProtectedSet,
    ProtectedTable,
    TableView,
    audit,
    audit_pattern,
    audit_table,
    audit_table_pattern,
    link_tables,
    protect,
    protect_table,
)

__all__ = [
    "BELOW_THRESHOLD_FOOTNOTE",
    "DEFAULT_GROUP_LABEL",
    "MIN_WIDTH_VARIABLE",
    "SECONDARY_FOOTNOTE",
    "THRESHOLD_VARIABLE",
    "TOTAL",
    "UNPROTECTABLE_MESSAGE",
    "CellKey",
    "CellStatus",
    "Interval",
    "LinkedSet",
    "ProtectedSet",
    "ProtectedTable",
    "ProtectionRules",
    "TableView",
    "UnitGrouping",
    "UnprotectableError",
    "audit",
    "audit_pattern",
    "audit_table",
    "audit_table_pattern",
    "group_small_units",
    "link_tables",
    "protect",
    "protect_table",
    "protection_text",
]
