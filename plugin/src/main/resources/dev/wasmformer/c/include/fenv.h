#ifndef _FENV_H
#define _FENV_H
/*
 * The floating-point environment as WebAssembly has it: rounding to nearest only and no
 * exception flags. C11 7.6 lets an implementation define only the macros of what it supports:
 * FE_TONEAREST is the one rounding direction (no FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO), and
 * no exception macro is defined, so FE_ALL_EXCEPT is 0. The functions succeed for what is
 * supported and report failure for the rest (a nonzero exception argument, another rounding).
 */

typedef struct {
  int __round;
} fenv_t;
typedef unsigned short fexcept_t;

#define FE_TONEAREST 0
#define FE_ALL_EXCEPT 0
#define FE_DFL_ENV ((const fenv_t *)-1) /* glibc's: the environment at program start */

int feclearexcept(int excepts);
int fegetexceptflag(fexcept_t *flagp, int excepts);
int feraiseexcept(int excepts);
int fesetexceptflag(const fexcept_t *flagp, int excepts);
int fetestexcept(int excepts);
int fegetround(void);
int fesetround(int round);
int fegetenv(fenv_t *envp);
int feholdexcept(fenv_t *envp);
int fesetenv(const fenv_t *envp);
int feupdateenv(const fenv_t *envp);

#endif
