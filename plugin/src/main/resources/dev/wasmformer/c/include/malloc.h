#ifndef _MALLOC_H
#define _MALLOC_H

/* glibc's <malloc.h>: the allocator's functions, and malloc_usable_size (malloc.c). */
#include <stddef.h>

void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
size_t malloc_usable_size(void *ptr);

#endif
