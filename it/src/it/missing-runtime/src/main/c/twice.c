__attribute__((export_name("twice")))
int twice(int x) { return 2 * x; }
