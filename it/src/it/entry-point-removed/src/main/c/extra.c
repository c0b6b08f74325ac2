__attribute__((export_name("extra")))
int extra(int x) { return x + 1; }
