"""``solve``: a problem file in, every value of one gradient-descent step out (JSON or Markdown).

Two routes compute the values: ``symbolic`` (the default) prints certified decimals
(:mod:`derivations.symbolic.certified`, :mod:`derivations.symbolic.decide`), ``numeric`` the
NumPy route's float64 values, in the same shape. :mod:`.dense` serves the general form,
:mod:`.backprop_2_2_2` the notes' 2-2-2 form, :mod:`.output` writes the result.
"""
