"""Intended labels of a demo crash, in the taxonomy's identifiers."""


def L(crash_type, root_cause, detail, ml_bug, stage, library):
    return {"crash_type": crash_type, "root_cause": root_cause, "root_cause_detail": detail,
            "ml_bug": ml_bug, "stage": stage, "library": library}
