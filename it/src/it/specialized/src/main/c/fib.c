/* fib(n): the n-th Fibonacci number. The attribute exports it, so it becomes a program. */
__attribute__((export_name("fib"))) int fib(int n) {
  int a = 0, b = 1;
  while (n-- > 0) {
    int t = a + b;
    a = b;
    b = t;
  }
  return a;
}
