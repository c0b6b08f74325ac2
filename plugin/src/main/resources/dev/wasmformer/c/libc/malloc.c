/*
 * A first-fit allocator over the region between static data and the stack. Each block has
 * an 8-byte header; free blocks are kept in a list sorted by address and merged with their
 * neighbours, and a free block at the top of the heap is returned to it.
 */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

typedef struct block {
  unsigned long size;  /* payload bytes, a multiple of 8 */
  struct block *next;  /* next free block (only while free) */
} block;

/* Bytes kept free between the heap and the current stack pointer. */
#define STACK_RESERVE 8192

static char *heap_top;
static block *free_list;

void *malloc(size_t n) {
  if (n == 0) n = 1;
  if (n > 0x7FFFFFF0UL) return NULL;
  n = (n + 7) & ~7UL;
  block **link = &free_list;
  for (block *b = free_list; b != NULL; link = &b->next, b = b->next) {
    if (b->size >= n) {
      if (b->size >= n + sizeof(block) + 8) {
        block *rest = (block *)((char *)(b + 1) + n);
        rest->size = b->size - n - sizeof(block);
        rest->next = b->next;
        *link = rest;
        b->size = n;
      } else {
        *link = b->next;
      }
      return b + 1;
    }
  }
  if (heap_top == NULL) {
    heap_top = (char *)(((unsigned long)__wasmformer_heap_base() + 15) & ~15UL);
  }
  char *limit = __wasmformer_stack_pointer() - STACK_RESERVE;
  if (heap_top > limit || (unsigned long)(limit - heap_top) < n + sizeof(block)) return NULL;
  block *b = (block *)heap_top;
  b->size = n;
  heap_top += sizeof(block) + n;
  return b + 1;
}

void free(void *p) {
  if (p == NULL) return;
  block *b = (block *)p - 1;
  block *prev = NULL;
  block *cur = free_list;
  while (cur != NULL && cur < b) {
    prev = cur;
    cur = cur->next;
  }
  b->next = cur;
  if (prev != NULL) prev->next = b; else free_list = b;
  if (cur != NULL && (char *)(b + 1) + b->size == (char *)cur) {
    b->size += sizeof(block) + cur->size;
    b->next = cur->next;
  }
  if (prev != NULL && (char *)(prev + 1) + prev->size == (char *)b) {
    prev->size += sizeof(block) + b->size;
    prev->next = b->next;
    b = prev;
  }
  if ((char *)(b + 1) + b->size == heap_top) {
    heap_top = (char *)b;
    if (free_list == b) {
      free_list = b->next;
    } else {
      block *q = free_list;
      while (q->next != b) q = q->next;
      q->next = b->next;
    }
  }
}

void *calloc(size_t count, size_t size) {
  if (size != 0 && count > 0xFFFFFFFFUL / size) return NULL;
  void *p = malloc(count * size);
  if (p != NULL) memset(p, 0, count * size);
  return p;
}

void *realloc(void *p, size_t n) {
  if (p == NULL) return malloc(n);
  if (n == 0) {
    free(p);
    return NULL;
  }
  block *b = (block *)p - 1;
  if (b->size >= n) return p;
  void *q = malloc(n);
  if (q == NULL) return NULL;
  memcpy(q, p, b->size);
  free(p);
  return q;
}

/* <malloc.h>: the bytes the block holds, at least the size asked for (0 for NULL). */
size_t malloc_usable_size(void *p) {
  return p == NULL ? 0 : ((block *)p - 1)->size;
}
