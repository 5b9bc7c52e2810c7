/* Status codes returned by every library function in src/.
 *
 * Library code never exits or prints: it returns one of these and, where a
 * caller passes an error buffer, writes one human-readable line into it (no
 * trailing newline) naming the source of the problem (option, file:line). */
#ifndef MLP_STATUS_H
#define MLP_STATUS_H

#include <stddef.h>

enum mlp_status {
    MLP_OK = 0,
    MLP_EINVAL,   /* an argument or input value is out of its allowed range */
    MLP_ENOMEM,   /* an allocation failed or would be too large */
    MLP_EIO,      /* reading or writing a file failed */
    MLP_EFORMAT,  /* a file's content does not follow its format */
    MLP_ENONFINITE, /* training produced a NaN or infinite loss */
    MLP_EINTR     /* stopped early by a signal */
};

/* Size of the error buffers passed around (one line of text). */
#define MLP_ERRLEN 512

/* printf-style write into an error buffer; ignores a NULL buffer.  Control
 * bytes in the result are escaped (\n, \r, \xHH) so it stays one line. */
void mlp_seterr(char *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
