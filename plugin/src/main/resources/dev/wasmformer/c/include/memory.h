#ifndef _MEMORY_H
#define _MEMORY_H

/* An old name of <string.h>, kept by glibc. */
#include <string.h>

#endif
