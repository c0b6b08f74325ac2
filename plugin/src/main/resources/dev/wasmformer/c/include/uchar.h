#ifndef _UCHAR_H
#define _UCHAR_H

/* The types of u"" and U"" literals (C11 7.28); the conversion functions are not provided. */
typedef unsigned long size_t;
typedef unsigned short char16_t;
typedef unsigned int char32_t;

#endif
