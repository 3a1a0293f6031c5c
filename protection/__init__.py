"""Statistical disclosure control: every count a page or export shows goes through this package."""

from protection.aggregates import CellKey, CellStatus
from protection.audit import Interval
from protection.display import (
    BELOW_THRESHOLD_FOOTNOTE,
    GROUPED_UNITS_NOTE,
    SECONDARY_FOOTNOTE,
    TABLE_UNAVAILABLE_MESSAGE,
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
from protection.union import (
    JOINT_TABLE,
    LinkedUnion,
    ProtectedUnion,
    audit_joint_cells,
    audit_union,
    audit_union_pattern,
    link_sets,
    protect_union,
    union_with_pattern,
)

__all__ = [
    "BELOW_THRESHOLD_FOOTNOTE",
    "DEFAULT_GROUP_LABEL",
    "GROUPED_UNITS_NOTE",
    "JOINT_TABLE",
    "MIN_WIDTH_VARIABLE",
    "SECONDARY_FOOTNOTE",
    "TABLE_UNAVAILABLE_MESSAGE",
    "THRESHOLD_VARIABLE",
    "TOTAL",
    "UNPROTECTABLE_MESSAGE",
    "CellKey",
    "CellStatus",
    "Interval",
    "LinkedSet",
    "LinkedUnion",
    "ProtectedSet",
    "ProtectedTable",
    "ProtectedUnion",
    "ProtectionRules",
    "TableView",
    "UnitGrouping",
    "UnprotectableError",
    "audit",
    "audit_joint_cells",
    "audit_pattern",
    "audit_table",
    "audit_table_pattern",
    "audit_union",
    "audit_union_pattern",
    "group_small_units",
    "link_sets",
    "link_tables",
    "protect",
    "protect_table",
    "protect_union",
    "protection_text",
    "union_with_pattern",
]
