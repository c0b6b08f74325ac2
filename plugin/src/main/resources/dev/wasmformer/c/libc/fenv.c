/*
 * <fenv.h> without exception flags and with one rounding direction. The return values are
 * C11 7.6's: an exception function succeeds (0) when its argument is 0, the only set of
 * exceptions there is, and fails (nonzero) for any other bit; fesetround succeeds if and only
 * if it is asked for FE_TONEAREST; the environment functions always succeed, since the
 * environment (round to nearest, no flags, no traps: non-stop) never changes.
 */
#include <fenv.h>

int feclearexcept(int excepts) { return excepts != 0; }

int fegetexceptflag(fexcept_t *flagp, int excepts) {
  *flagp = 0;
  return excepts != 0;
}

int feraiseexcept(int excepts) { return excepts != 0; }

int fesetexceptflag(const fexcept_t *flagp, int excepts) {
  (void)flagp;
  return excepts != 0;
}

int fetestexcept(int excepts) {
  (void)excepts;
  return 0;
}

int fegetround(void) { return FE_TONEAREST; }

int fesetround(int round) { return round != FE_TONEAREST; }

int fegetenv(fenv_t *envp) {
  envp->__round = FE_TONEAREST;
  return 0;
}

int feholdexcept(fenv_t *envp) { return fegetenv(envp); }

int fesetenv(const fenv_t *envp) {
  (void)envp;
  return 0;
}

int feupdateenv(const fenv_t *envp) { return fesetenv(envp); }
