#ifndef _WCHAR_H
#define _WCHAR_H

/* Wide strings: wchar_t is int, 32 bits signed, as on clang's wasm32 target. Compiling a
   program that includes this header also gives printf its %ls and %lc (written as UTF-8).
   The multibyte encoding is UTF-8 (MB_CUR_MAX is 4). */
typedef unsigned long size_t;
typedef int wchar_t;
#ifndef __WF_WINT_T
#define __WF_WINT_T
/* glibc's and wasi-libc's type; WEOF is its largest value */
typedef unsigned int wint_t;
#define WEOF ((wint_t)-1)
#endif
/* a conversion's state between calls: the bytes of a character still to come */
typedef struct {
  unsigned __value;
  unsigned __min;
  int __count;
} mbstate_t;

#ifndef NULL
#define NULL ((void *)0)
#endif
#define WCHAR_MIN (-2147483647 - 1)
#define WCHAR_MAX 2147483647
#define WINT_MIN 0u
#define WINT_MAX 4294967295u

size_t wcslen(const wchar_t *s);
int wcscmp(const wchar_t *a, const wchar_t *b);
int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wcscpy(wchar_t *dest, const wchar_t *src);
wchar_t *wcsncpy(wchar_t *dest, const wchar_t *src, size_t n);
wchar_t *wcscat(wchar_t *dest, const wchar_t *src);
wchar_t *wcsncat(wchar_t *dest, const wchar_t *src, size_t n);
wchar_t *wcschr(const wchar_t *s, wchar_t c);
wchar_t *wcsrchr(const wchar_t *s, wchar_t c);
wchar_t *wcsstr(const wchar_t *haystack, const wchar_t *needle);
wchar_t *wmemcpy(wchar_t *dest, const wchar_t *src, size_t n);
wchar_t *wmemmove(wchar_t *dest, const wchar_t *src, size_t n);
wchar_t *wmemset(wchar_t *s, wchar_t c, size_t n);
int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n);
long wcstol(const wchar_t *s, wchar_t **end, int base);
unsigned long wcstoul(const wchar_t *s, wchar_t **end, int base);
long long wcstoll(const wchar_t *s, wchar_t **end, int base);
unsigned long long wcstoull(const wchar_t *s, wchar_t **end, int base);
double wcstod(const wchar_t *s, wchar_t **end);
float wcstof(const wchar_t *s, wchar_t **end);
long double wcstold(const wchar_t *s, wchar_t **end);

wint_t btowc(int c);
int wctob(wint_t c);
int mbsinit(const mbstate_t *ps);
size_t mbrtowc(wchar_t *pwc, const char *s, size_t n, mbstate_t *ps);
size_t mbrlen(const char *s, size_t n, mbstate_t *ps);
size_t wcrtomb(char *s, wchar_t wc, mbstate_t *ps);
size_t mbsrtowcs(wchar_t *dest, const char **src, size_t len, mbstate_t *ps);
size_t wcsrtombs(char *dest, const wchar_t **src, size_t len, mbstate_t *ps);
/* wide output in the C locale (wprintf.c); the streams are <stdio.h>'s FILE */
struct __wasmformer_file;
int wprintf(const wchar_t *restrict fmt, ...);
int fwprintf(struct __wasmformer_file *restrict stream, const wchar_t *restrict fmt, ...);
int swprintf(wchar_t *restrict buf, size_t size, const wchar_t *restrict fmt, ...);
int vwprintf(const wchar_t *restrict fmt, __builtin_va_list ap);
int vfwprintf(struct __wasmformer_file *restrict stream, const wchar_t *restrict fmt, __builtin_va_list ap);
int vswprintf(wchar_t *restrict buf, size_t size, const wchar_t *restrict fmt, __builtin_va_list ap);
wint_t putwchar(wchar_t c);
wint_t fputwc(wchar_t c, struct __wasmformer_file *stream);
wint_t putwc(wchar_t c, struct __wasmformer_file *stream);
int fputws(const wchar_t *restrict s, struct __wasmformer_file *restrict stream);
/* wide input in the C locale (stdio.c, wscanf.c): a byte from 0x80 up is an encoding error */
wint_t fgetwc(struct __wasmformer_file *stream);
wint_t getwc(struct __wasmformer_file *stream);
wint_t getwchar(void);
wint_t ungetwc(wint_t c, struct __wasmformer_file *stream);
wchar_t *fgetws(wchar_t *restrict s, int size, struct __wasmformer_file *restrict stream);
int fwide(struct __wasmformer_file *stream, int mode);
int wscanf(const wchar_t *restrict fmt, ...);
int fwscanf(struct __wasmformer_file *restrict stream, const wchar_t *restrict fmt, ...);
int swscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, ...);
int vwscanf(const wchar_t *restrict fmt, __builtin_va_list ap);
int vfwscanf(struct __wasmformer_file *restrict stream, const wchar_t *restrict fmt, __builtin_va_list ap);
int vswscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, __builtin_va_list ap);

#endif
