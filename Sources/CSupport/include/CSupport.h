#ifndef POLYGRAMC_CSUPPORT_H
#define POLYGRAMC_CSUPPORT_H

#include <stddef.h>

/// Cores in this process's CPU affinity mask (sched_getaffinity), or 0 when
/// it cannot be read. A macro-based API, so Swift cannot call it directly.
int polygramc_affinity_cpu_count(void);

/// snprintf(buffer, size, format, value) for one double: printf's %g and %e
/// without Swift's variadic-argument machinery (CVarArg), whose first use
/// costs more than a small run's whole table. `format` must be a literal
/// with exactly one double conversion.
int polygramc_format_double(char *buffer, size_t size, const char *format, double value);

#endif
