"""Issue 14: factcheck under careless use and hostile input — one regression test per numbered case.

Cases that were bugs of the command line run it in a subprocess (as a user would); library cases
call the library. The fault matrix over a folder of bad inputs is in ``test_fault_matrix.py``.
"""

from __future__ import annotations

import factcheck


# --- case 5: a modifier that would make a figure negative ------------------------------------


def test_case5_paune_zero_is_not_a_validation_error():
    """पौने (minus a quarter) before 0 would be -0.25: the modifier is left out, 0 is read alone."""
    mentions = factcheck.find_numbers("पौने 0", "hi")
    assert [(m.start, m.end, m.value.interval().low) for m in mentions] == [(5, 6, 0.0)]
    claims = factcheck.extract("पौने 0 सैनिक मारे गए।", language="hi")
    assert all(c.value.interval().low >= 0 for c in claims)


def test_case5_paune_still_modifies_a_positive_number():
    """The look-alike: पौने दो लाख is 1.75 लाख, as before the fix."""
    (m,) = factcheck.find_numbers("पौने दो लाख", "hi")
    assert m.value.interval().low == 175_000
