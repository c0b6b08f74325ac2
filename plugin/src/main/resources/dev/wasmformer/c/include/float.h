#ifndef _FLOAT_H
#define _FLOAT_H

/* binary32 for float; binary64 for double and for long double, whose LDBL_* equal the DBL_*. */
#define FLT_RADIX 2
#define FLT_ROUNDS 1
#define FLT_EVAL_METHOD 0
/* C11: the decimal digits that carry any value of the widest type (long double) there and back */
#define DECIMAL_DIG 17

#define FLT_MANT_DIG 24
#define FLT_DIG 6
#define FLT_MIN_EXP (-125)
#define FLT_MAX_EXP 128
#define FLT_MIN_10_EXP (-37)
#define FLT_MAX_10_EXP 38
#define FLT_MAX 0x1.fffffep+127f
#define FLT_MIN 0x1p-126f
#define FLT_EPSILON 0x1p-23f
#define FLT_TRUE_MIN 0x1p-149f
#define FLT_DECIMAL_DIG 9
#define FLT_HAS_SUBNORM 1

#define DBL_MANT_DIG 53
#define DBL_DIG 15
#define DBL_MIN_EXP (-1021)
#define DBL_MAX_EXP 1024
#define DBL_MIN_10_EXP (-307)
#define DBL_MAX_10_EXP 308
#define DBL_MAX 0x1.fffffffffffffp+1023
#define DBL_MIN 0x1p-1022
#define DBL_EPSILON 0x1p-52
#define DBL_TRUE_MIN 0x1p-1074
#define DBL_DECIMAL_DIG 17
#define DBL_HAS_SUBNORM 1

#define LDBL_MANT_DIG 53
#define LDBL_DIG 15
#define LDBL_MIN_EXP (-1021)
#define LDBL_MAX_EXP 1024
#define LDBL_MIN_10_EXP (-307)
#define LDBL_MAX_10_EXP 308
#define LDBL_MAX 0x1.fffffffffffffp+1023L
#define LDBL_MIN 0x1p-1022L
#define LDBL_EPSILON 0x1p-52L
#define LDBL_TRUE_MIN 0x1p-1074L
#define LDBL_DECIMAL_DIG 17
#define LDBL_HAS_SUBNORM 1

#endif
