"""The three kinds of derivative in NumPy, with their shapes."""
from derivations.numeric.derivative_kinds import scalar_to_scalar, vector_to_scalar, vector_to_vector
from derivations.problems import data_file

d = data_file("deep")["derivatives"]
for name, value in (("dsigma/dz", scalar_to_scalar(d["z"])),
                    ("grad_w L", vector_to_scalar(d["w"], d["x"], d["t"])),
                    ("dy/dx", vector_to_vector(d["W"], d["b"], d["x"]))):
    print(f"{name:10} shape {value.shape}:", value.round(8).tolist())
