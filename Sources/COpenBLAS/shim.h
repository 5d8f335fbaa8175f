// Types and constants only: polygramc loads OpenBLAS at its first BLAS or
// LAPACK call (OpenBLASLibrary.swift), so nothing here is linked, and a
// verify that needs no linear algebra never pays for loading it.
#include <cblas.h>
