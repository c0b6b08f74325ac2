/* Soft-float exports: the typed entry points take and return Java floats and doubles. */
__attribute__((export_name("scale"))) float scale(float x, int k) { return x * k; }

__attribute__((export_name("average"))) double average(double a, double b) { return (a + b) / 2; }
