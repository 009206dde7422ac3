import a.b as c, d
from . import (x,
 y as z)
if 1:
    from e.f import g; import h
def f(a, *b, k=1, **kw):
    global q
    del a
    return lambda y: y + q
class C(B):
    x: int = 3
[t for t in range(3) if t]
f"{x!r:>{w}}" '''s''' # c
