#ifndef _SYS_PARAM_H
#define _SYS_PARAM_H

/* BSD's <sys/param.h> with glibc's values on Linux. */
#include <stddef.h>
#include <limits.h>
#include <endian.h>
#include <sys/types.h>

#define NBBY CHAR_BIT
#define MAXPATHLEN 4096
#define MAXHOSTNAMELEN 64
#define MAXSYMLINKS 20
#define NOFILE 256
#define NCARGS 131072
#define NGROUPS 65536
#define NOGROUP (-1)
#define NODEV ((dev_t)-1)
#define DEV_BSIZE 512
#define HZ 100
#define EXEC_PAGESIZE 4096

/* bits in an array of bytes */
#define setbit(a, i) ((a)[(i) / NBBY] |= 1 << ((i) % NBBY))
#define clrbit(a, i) ((a)[(i) / NBBY] &= ~(1 << ((i) % NBBY)))
#define isset(a, i) ((a)[(i) / NBBY] & (1 << ((i) % NBBY)))
#define isclr(a, i) (((a)[(i) / NBBY] & (1 << ((i) % NBBY))) == 0)

#define howmany(x, y) (((x) + ((y) - 1)) / (y))
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define powerof2(x) ((((x) - 1) & (x)) == 0)

/* each evaluates one argument twice, as glibc's */
#define MIN(a, b) (((a) < (b)) ? (a) : (b))
#define MAX(a, b) (((a) > (b)) ? (a) : (b))

#endif
