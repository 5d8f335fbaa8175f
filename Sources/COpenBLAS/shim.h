// LAPACKE's default complex type is C99 `double _Complex`, which Swift cannot
// import; a two-double struct has the same layout and imports cleanly.
typedef struct { float real, imag; } polygramc_complex_float;
typedef struct { double real, imag; } polygramc_complex_double;
#define lapack_complex_float polygramc_complex_float
#define lapack_complex_double polygramc_complex_double
#include <cblas.h>
#include <lapacke.h>
