/*
 * The wprintf family, putwchar, fputwc and fputws in glibc's "C" locale. A stream holds bytes:
 * an ASCII character is written as itself, any other as glibc's C locale writes it, which is
 * its transliteration when the locale has one (U+20AC as "EUR", U+00BD as " 1/2 ") and '?'
 * otherwise. swprintf keeps every wide character as it is. Numbers are formatted by the byte
 * printf, one conversion at a time; %s and %c take bytes, which the C locale knows only below
 * 0x80 (another byte in a %s fails with EILSEQ, in a %c gives WEOF), and WEOF written fails
 * the call. Compiled only for programs that include <wchar.h>.
 */
#ifdef __WF_WCHAR
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#ifdef __WF_PRINTF_M
#include <string.h>
const char *__wasmformer_errno_text(int name, char number[12]); /* printf.c */
#endif

/*
 * glibc's "C" locale writes these characters as the ASCII text that follows them (the
 * replacement of character translit_keys[i] is translit_text[translit_at[i] .. translit_at[i + 1]),
 * every other non-ASCII one as '?'. Found by writing each code point through glibc's wprintf.
 */
static const unsigned translit_keys[] = {
    0xa0, 0xa9, 0xab, 0xad, 0xae, 0xb5, 0xb8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6, 0xd7, 0xdf, 0xe6, 0x132, 0x133,
    0x149, 0x152, 0x153, 0x17f, 0x1c7, 0x1c8, 0x1c9, 0x1ca, 0x1cb, 0x1cc, 0x1f1, 0x1f2, 0x1f3, 0x2bc, 0x2c6,
    0x2c8, 0x2cb, 0x2cd, 0x2d0, 0x2dc, 0x370, 0x371, 0x372, 0x373, 0x374, 0x375, 0x376, 0x377, 0x37a, 0x37b,
    0x37c, 0x37d, 0x37f, 0x384, 0x385, 0x386, 0x387, 0x388, 0x389, 0x38a, 0x38c, 0x38e, 0x38f, 0x390, 0x391,
    0x392, 0x393, 0x394, 0x395, 0x396, 0x397, 0x398, 0x399, 0x39a, 0x39b, 0x39c, 0x39d, 0x39e, 0x39f, 0x3a0,
    0x3a1, 0x3a3, 0x3a4, 0x3a5, 0x3a6, 0x3a7, 0x3a8, 0x3a9, 0x3aa, 0x3ab, 0x3ac, 0x3ad, 0x3ae, 0x3af, 0x3b0,
    0x3b1, 0x3b2, 0x3b3, 0x3b4, 0x3b5, 0x3b6, 0x3b7, 0x3b8, 0x3b9, 0x3ba, 0x3bb, 0x3bc, 0x3bd, 0x3be, 0x3bf,
    0x3c0, 0x3c1, 0x3c2, 0x3c3, 0x3c4, 0x3c5, 0x3c6, 0x3c7, 0x3c8, 0x3c9, 0x3ca, 0x3cb, 0x3cc, 0x3cd, 0x3ce,
    0x3cf, 0x3d0, 0x3d1, 0x3d2, 0x3d3, 0x3d4, 0x3d5, 0x3d6, 0x3d7, 0x3d8, 0x3d9, 0x3da, 0x3db, 0x3dc, 0x3dd,
    0x3de, 0x3df, 0x3e0, 0x3e1, 0x3e2, 0x3e3, 0x3e4, 0x3e5, 0x3e6, 0x3e7, 0x3e8, 0x3e9, 0x3ea, 0x3eb, 0x3ec,
    0x3ed, 0x3ee, 0x3ef, 0x3f0, 0x3f1, 0x3f2, 0x3f3, 0x3f4, 0x3f5, 0x3f6, 0x3f7, 0x3f8, 0x3f9, 0x3fa, 0x3fb,
    0x3fc, 0x3fd, 0x3fe, 0x3ff, 0x401, 0x402, 0x403, 0x404, 0x405, 0x406, 0x407, 0x408, 0x409, 0x40a, 0x40b,
    0x40c, 0x40e, 0x40f, 0x410, 0x411, 0x412, 0x413, 0x414, 0x415, 0x416, 0x417, 0x418, 0x419, 0x41a, 0x41b,
    0x41c, 0x41d, 0x41e, 0x41f, 0x420, 0x421, 0x422, 0x423, 0x424, 0x425, 0x426, 0x427, 0x428, 0x429, 0x42a,
    0x42b, 0x42c, 0x42d, 0x42e, 0x42f, 0x430, 0x431, 0x432, 0x433, 0x434, 0x435, 0x436, 0x437, 0x438, 0x439,
    0x43a, 0x43b, 0x43c, 0x43d, 0x43e, 0x43f, 0x440, 0x441, 0x442, 0x443, 0x444, 0x445, 0x446, 0x447, 0x448,
    0x449, 0x44a, 0x44b, 0x44c, 0x44d, 0x44e, 0x44f, 0x451, 0x452, 0x453, 0x454, 0x455, 0x456, 0x457, 0x458,
    0x459, 0x45a, 0x45b, 0x45c, 0x45e, 0x45f, 0x46a, 0x46b, 0x472, 0x473, 0x474, 0x475, 0x48c, 0x48d, 0x490,
    0x491, 0x492, 0x493, 0x494, 0x495, 0x496, 0x497, 0x49a, 0x49b, 0x49e, 0x49f, 0x4a2, 0x4a3, 0x4a4, 0x4a5,
    0x4a6, 0x4a7, 0x4a8, 0x4a9, 0x4aa, 0x4ab, 0x4ac, 0x4ad, 0x4ae, 0x4af, 0x4b2, 0x4b3, 0x4b4, 0x4b5, 0x4ba,
    0x4bb, 0x4bc, 0x4bd, 0x4be, 0x4bf, 0x4c0, 0x4c1, 0x4c2, 0x4cb, 0x4cc, 0x4d0, 0x4d1, 0x4d2, 0x4d3, 0x4d6,
    0x4d7, 0x4d8, 0x4d9, 0x4dc, 0x4dd, 0x4de, 0x4df, 0x4e0, 0x4e1, 0x4e4, 0x4e5, 0x4e6, 0x4e7, 0x4e8, 0x4e9,
    0x4f0, 0x4f1, 0x4f2, 0x4f3, 0x4f4, 0x4f5, 0x4f8, 0x4f9, 0x5f3, 0x5f4, 0x2002, 0x2003, 0x2004, 0x2005,
    0x2006, 0x2008, 0x2009, 0x200a, 0x200b, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2018, 0x2019,
    0x201a, 0x201b, 0x201c, 0x201d, 0x201e, 0x201f, 0x2020, 0x2022, 0x2024, 0x2025, 0x2026, 0x202f, 0x2035,
    0x2036, 0x2037, 0x2039, 0x203a, 0x203c, 0x2044, 0x2047, 0x2048, 0x2049, 0x205f, 0x2060, 0x2061, 0x2062,
    0x2063, 0x20a1, 0x20a8, 0x20ac, 0x20b9, 0x2100, 0x2101, 0x2102, 0x2105, 0x2106, 0x210a, 0x210b, 0x210c,
    0x210d, 0x210e, 0x2110, 0x2111, 0x2112, 0x2113, 0x2115, 0x2116, 0x2119, 0x211a, 0x211b, 0x211c, 0x211d,
    0x2121, 0x2122, 0x2124, 0x2126, 0x2128, 0x212c, 0x212d, 0x212e, 0x212f, 0x2130, 0x2131, 0x2133, 0x2134,
    0x2139, 0x2145, 0x2146, 0x2147, 0x2148, 0x2149, 0x2153, 0x2154, 0x2155, 0x2156, 0x2157, 0x2158, 0x2159,
    0x215a, 0x215b, 0x215c, 0x215d, 0x215e, 0x215f, 0x2160, 0x2161, 0x2162, 0x2163, 0x2164, 0x2165, 0x2166,
    0x2167, 0x2168, 0x2169, 0x216a, 0x216b, 0x216c, 0x216d, 0x216e, 0x216f, 0x2170, 0x2171, 0x2172, 0x2173,
    0x2174, 0x2175, 0x2176, 0x2177, 0x2178, 0x2179, 0x217a, 0x217b, 0x217c, 0x217d, 0x217e, 0x217f, 0x2190,
    0x2192, 0x2194, 0x21d0, 0x21d2, 0x21d4, 0x2212, 0x2215, 0x2216, 0x2217, 0x2223, 0x2236, 0x223c, 0x2264,
    0x2265, 0x226a, 0x226b, 0x22d8, 0x22d9, 0x2400, 0x2401, 0x2402, 0x2403, 0x2404, 0x2405, 0x2406, 0x2407,
    0x2408, 0x2409, 0x240a, 0x240b, 0x240c, 0x240d, 0x240e, 0x240f, 0x2410, 0x2411, 0x2412, 0x2413, 0x2414,
    0x2415, 0x2416, 0x2417, 0x2418, 0x2419, 0x241a, 0x241b, 0x241c, 0x241d, 0x241e, 0x241f, 0x2420, 0x2421,
    0x2423, 0x2424, 0x2460, 0x2461, 0x2462, 0x2463, 0x2464, 0x2465, 0x2466, 0x2467, 0x2468, 0x2469, 0x246a,
    0x246b, 0x246c, 0x246d, 0x246e, 0x246f, 0x2470, 0x2471, 0x2472, 0x2473, 0x2474, 0x2475, 0x2476, 0x2477,
    0x2478, 0x2479, 0x247a, 0x247b, 0x247c, 0x247d, 0x247e, 0x247f, 0x2480, 0x2481, 0x2482, 0x2483, 0x2484,
    0x2485, 0x2486, 0x2487, 0x2488, 0x2489, 0x248a, 0x248b, 0x248c, 0x248d, 0x248e, 0x248f, 0x2490, 0x2491,
    0x2492, 0x2493, 0x2494, 0x2495, 0x2496, 0x2497, 0x2498, 0x2499, 0x249a, 0x249b, 0x249c, 0x249d, 0x249e,
    0x249f, 0x24a0, 0x24a1, 0x24a2, 0x24a3, 0x24a4, 0x24a5, 0x24a6, 0x24a7, 0x24a8, 0x24a9, 0x24aa, 0x24ab,
    0x24ac, 0x24ad, 0x24ae, 0x24af, 0x24b0, 0x24b1, 0x24b2, 0x24b3, 0x24b4, 0x24b5, 0x24b6, 0x24b7, 0x24b8,
    0x24b9, 0x24ba, 0x24bb, 0x24bc, 0x24bd, 0x24be, 0x24bf, 0x24c0, 0x24c1, 0x24c2, 0x24c3, 0x24c4, 0x24c5,
    0x24c6, 0x24c7, 0x24c8, 0x24c9, 0x24ca, 0x24cb, 0x24cc, 0x24cd, 0x24ce, 0x24cf, 0x24d0, 0x24d1, 0x24d2,
    0x24d3, 0x24d4, 0x24d5, 0x24d6, 0x24d7, 0x24d8, 0x24d9, 0x24da, 0x24db, 0x24dc, 0x24dd, 0x24de, 0x24df,
    0x24e0, 0x24e1, 0x24e2, 0x24e3, 0x24e4, 0x24e5, 0x24e6, 0x24e7, 0x24e8, 0x24e9, 0x24ea, 0x2500, 0x2502,
    0x250c, 0x2510, 0x2514, 0x2518, 0x251c, 0x2524, 0x252c, 0x2534, 0x253c, 0x25e6, 0x2a74, 0x2a75, 0x2a76,
    0x3000, 0x30a0, 0x3251, 0x3252, 0x3253, 0x3254, 0x3255, 0x3256, 0x3257, 0x3258, 0x3259, 0x325a, 0x325b,
    0x325c, 0x325d, 0x325e, 0x325f, 0x32b1, 0x32b2, 0x32b3, 0x32b4, 0x32b5, 0x32b6, 0x32b7, 0x32b8, 0x32b9,
    0x32ba, 0x32bb, 0x32bc, 0x32bd, 0x32be, 0x32bf, 0x3371, 0x3372, 0x3373, 0x3374, 0x3375, 0x3376, 0x3380,
    0x3381, 0x3382, 0x3383, 0x3384, 0x3385, 0x3386, 0x3387, 0x3388, 0x3389, 0x338a, 0x338b, 0x338c, 0x338d,
    0x338e, 0x338f, 0x3390, 0x3391, 0x3392, 0x3393, 0x3394, 0x3395, 0x3396, 0x3397, 0x3398, 0x3399, 0x339a,
    0x339b, 0x339c, 0x339d, 0x339e, 0x339f, 0x33a0, 0x33a1, 0x33a2, 0x33a3, 0x33a4, 0x33a5, 0x33a6, 0x33a7,
    0x33a8, 0x33a9, 0x33aa, 0x33ab, 0x33ac, 0x33ad, 0x33ae, 0x33af, 0x33b0, 0x33b1, 0x33b2, 0x33b3, 0x33b4,
    0x33b5, 0x33b6, 0x33b7, 0x33b8, 0x33b9, 0x33ba, 0x33bb, 0x33bc, 0x33bd, 0x33be, 0x33bf, 0x33c2, 0x33c3,
    0x33c4, 0x33c5, 0x33c6, 0x33c7, 0x33c8, 0x33c9, 0x33ca, 0x33cb, 0x33cc, 0x33cd, 0x33ce, 0x33cf, 0x33d0,
    0x33d1, 0x33d2, 0x33d3, 0x33d4, 0x33d5, 0x33d6, 0x33d7, 0x33d8, 0x33d9, 0x33da, 0x33db, 0x33dc, 0x33dd,
    0xfb00, 0xfb01, 0xfb02, 0xfb03, 0xfb04, 0xfb06, 0xfb29, 0xfe00, 0xfe01, 0xfe02, 0xfe03, 0xfe04, 0xfe05,
    0xfe06, 0xfe07, 0xfe08, 0xfe09, 0xfe0a, 0xfe0b, 0xfe0c, 0xfe0d, 0xfe0e, 0xfe0f, 0xfe4d, 0xfe4e, 0xfe4f,
    0xfe50, 0xfe52, 0xfe54, 0xfe55, 0xfe57, 0xfe59, 0xfe5a, 0xfe5b, 0xfe5c, 0xfe5f, 0xfe60, 0xfe61, 0xfe62,
    0xfe63, 0xfe64, 0xfe65, 0xfe66, 0xfe68, 0xfe69, 0xfe6a, 0xfe6b, 0xfeff, 0xff01, 0xff02, 0xff03, 0xff04,
    0xff05, 0xff06, 0xff07, 0xff08, 0xff09, 0xff0a, 0xff0b, 0xff0c, 0xff0d, 0xff0e, 0xff0f, 0xff10, 0xff11,
    0xff12, 0xff13, 0xff14, 0xff15, 0xff16, 0xff17, 0xff18, 0xff19, 0xff1a, 0xff1b, 0xff1c, 0xff1d, 0xff1e,
    0xff20, 0xff21, 0xff22, 0xff23, 0xff24, 0xff25, 0xff26, 0xff27, 0xff28, 0xff29, 0xff2a, 0xff2b, 0xff2c,
    0xff2d, 0xff2e, 0xff2f, 0xff30, 0xff31, 0xff32, 0xff33, 0xff34, 0xff35, 0xff36, 0xff37, 0xff38, 0xff39,
    0xff3a, 0xff3b, 0xff3c, 0xff3d, 0xff3e, 0xff3f, 0xff40, 0xff41, 0xff42, 0xff43, 0xff44, 0xff45, 0xff46,
    0xff47, 0xff48, 0xff49, 0xff4a, 0xff4b, 0xff4c, 0xff4d, 0xff4e, 0xff4f, 0xff50, 0xff51, 0xff52, 0xff53,
    0xff54, 0xff55, 0xff56, 0xff57, 0xff58, 0xff59, 0xff5a, 0xff5b, 0xff5c, 0xff5d, 0xff5e, 0x1d400, 0x1d401,
    0x1d402, 0x1d403, 0x1d404, 0x1d405, 0x1d406, 0x1d407, 0x1d408, 0x1d409, 0x1d40a, 0x1d40b, 0x1d40c,
    0x1d40d, 0x1d40e, 0x1d40f, 0x1d410, 0x1d411, 0x1d412, 0x1d413, 0x1d414, 0x1d415, 0x1d416, 0x1d417,
    0x1d418, 0x1d419, 0x1d41a, 0x1d41b, 0x1d41c, 0x1d41d, 0x1d41e, 0x1d41f, 0x1d420, 0x1d421, 0x1d422,
    0x1d423, 0x1d424, 0x1d425, 0x1d426, 0x1d427, 0x1d428, 0x1d429, 0x1d42a, 0x1d42b, 0x1d42c, 0x1d42d,
    0x1d42e, 0x1d42f, 0x1d430, 0x1d431, 0x1d432, 0x1d433, 0x1d434, 0x1d435, 0x1d436, 0x1d437, 0x1d438,
    0x1d439, 0x1d43a, 0x1d43b, 0x1d43c, 0x1d43d, 0x1d43e, 0x1d43f, 0x1d440, 0x1d441, 0x1d442, 0x1d443,
    0x1d444, 0x1d445, 0x1d446, 0x1d447, 0x1d448, 0x1d449, 0x1d44a, 0x1d44b, 0x1d44c, 0x1d44d, 0x1d44e,
    0x1d44f, 0x1d450, 0x1d451, 0x1d452, 0x1d453, 0x1d454, 0x1d456, 0x1d457, 0x1d458, 0x1d459, 0x1d45a,
    0x1d45b, 0x1d45c, 0x1d45d, 0x1d45e, 0x1d45f, 0x1d460, 0x1d461, 0x1d462, 0x1d463, 0x1d464, 0x1d465,
    0x1d466, 0x1d467, 0x1d468, 0x1d469, 0x1d46a, 0x1d46b, 0x1d46c, 0x1d46d, 0x1d46e, 0x1d46f, 0x1d470,
    0x1d471, 0x1d472, 0x1d473, 0x1d474, 0x1d475, 0x1d476, 0x1d477, 0x1d478, 0x1d479, 0x1d47a, 0x1d47b,
    0x1d47c, 0x1d47d, 0x1d47e, 0x1d47f, 0x1d480, 0x1d481, 0x1d482, 0x1d483, 0x1d484, 0x1d485, 0x1d486,
    0x1d487, 0x1d488, 0x1d489, 0x1d48a, 0x1d48b, 0x1d48c, 0x1d48d, 0x1d48e, 0x1d48f, 0x1d490, 0x1d491,
    0x1d492, 0x1d493, 0x1d494, 0x1d495, 0x1d496, 0x1d497, 0x1d498, 0x1d499, 0x1d49a, 0x1d49b, 0x1d49c,
    0x1d49e, 0x1d49f, 0x1d4a2, 0x1d4a5, 0x1d4a6, 0x1d4a9, 0x1d4aa, 0x1d4ab, 0x1d4ac, 0x1d4ae, 0x1d4af,
    0x1d4b0, 0x1d4b1, 0x1d4b2, 0x1d4b3, 0x1d4b4, 0x1d4b5, 0x1d4b6, 0x1d4b7, 0x1d4b8, 0x1d4b9, 0x1d4bb,
    0x1d4bd, 0x1d4be, 0x1d4bf, 0x1d4c0, 0x1d4c2, 0x1d4c3, 0x1d4c5, 0x1d4c6, 0x1d4c7, 0x1d4c8, 0x1d4c9,
    0x1d4ca, 0x1d4cb, 0x1d4cc, 0x1d4cd, 0x1d4ce, 0x1d4cf, 0x1d4d0, 0x1d4d1, 0x1d4d2, 0x1d4d3, 0x1d4d4,
    0x1d4d5, 0x1d4d6, 0x1d4d7, 0x1d4d8, 0x1d4d9, 0x1d4da, 0x1d4db, 0x1d4dc, 0x1d4dd, 0x1d4de, 0x1d4df,
    0x1d4e0, 0x1d4e1, 0x1d4e2, 0x1d4e3, 0x1d4e4, 0x1d4e5, 0x1d4e6, 0x1d4e7, 0x1d4e8, 0x1d4e9, 0x1d4ea,
    0x1d4eb, 0x1d4ec, 0x1d4ed, 0x1d4ee, 0x1d4ef, 0x1d4f0, 0x1d4f1, 0x1d4f2, 0x1d4f3, 0x1d4f4, 0x1d4f5,
    0x1d4f6, 0x1d4f7, 0x1d4f8, 0x1d4f9, 0x1d4fa, 0x1d4fb, 0x1d4fc, 0x1d4fd, 0x1d4fe, 0x1d4ff, 0x1d500,
    0x1d501, 0x1d502, 0x1d503, 0x1d504, 0x1d505, 0x1d507, 0x1d508, 0x1d509, 0x1d50a, 0x1d50d, 0x1d50e,
    0x1d50f, 0x1d510, 0x1d511, 0x1d512, 0x1d513, 0x1d514, 0x1d516, 0x1d517, 0x1d518, 0x1d519, 0x1d51a,
    0x1d51b, 0x1d51c, 0x1d51e, 0x1d51f, 0x1d520, 0x1d521, 0x1d522, 0x1d523, 0x1d524, 0x1d525, 0x1d526,
    0x1d527, 0x1d528, 0x1d529, 0x1d52a, 0x1d52b, 0x1d52c, 0x1d52d, 0x1d52e, 0x1d52f, 0x1d530, 0x1d531,
    0x1d532, 0x1d533, 0x1d534, 0x1d535, 0x1d536, 0x1d537, 0x1d538, 0x1d539, 0x1d53b, 0x1d53c, 0x1d53d,
    0x1d53e, 0x1d540, 0x1d541, 0x1d542, 0x1d543, 0x1d544, 0x1d546, 0x1d54a, 0x1d54b, 0x1d54c, 0x1d54d,
    0x1d54e, 0x1d54f, 0x1d550, 0x1d552, 0x1d553, 0x1d554, 0x1d555, 0x1d556, 0x1d557, 0x1d558, 0x1d559,
    0x1d55a, 0x1d55b, 0x1d55c, 0x1d55d, 0x1d55e, 0x1d55f, 0x1d560, 0x1d561, 0x1d562, 0x1d563, 0x1d564,
    0x1d565, 0x1d566, 0x1d567, 0x1d568, 0x1d569, 0x1d56a, 0x1d56b, 0x1d56c, 0x1d56d, 0x1d56e, 0x1d56f,
    0x1d570, 0x1d571, 0x1d572, 0x1d573, 0x1d574, 0x1d575, 0x1d576, 0x1d577, 0x1d578, 0x1d579, 0x1d57a,
    0x1d57b, 0x1d57c, 0x1d57d, 0x1d57e, 0x1d57f, 0x1d580, 0x1d581, 0x1d582, 0x1d583, 0x1d584, 0x1d585,
    0x1d586, 0x1d587, 0x1d588, 0x1d589, 0x1d58a, 0x1d58b, 0x1d58c, 0x1d58d, 0x1d58e, 0x1d58f, 0x1d590,
    0x1d591, 0x1d592, 0x1d593, 0x1d594, 0x1d595, 0x1d596, 0x1d597, 0x1d598, 0x1d599, 0x1d59a, 0x1d59b,
    0x1d59c, 0x1d59d, 0x1d59e, 0x1d59f, 0x1d5a0, 0x1d5a1, 0x1d5a2, 0x1d5a3, 0x1d5a4, 0x1d5a5, 0x1d5a6,
    0x1d5a7, 0x1d5a8, 0x1d5a9, 0x1d5aa, 0x1d5ab, 0x1d5ac, 0x1d5ad, 0x1d5ae, 0x1d5af, 0x1d5b0, 0x1d5b1,
    0x1d5b2, 0x1d5b3, 0x1d5b4, 0x1d5b5, 0x1d5b6, 0x1d5b7, 0x1d5b8, 0x1d5b9, 0x1d5ba, 0x1d5bb, 0x1d5bc,
    0x1d5bd, 0x1d5be, 0x1d5bf, 0x1d5c0, 0x1d5c1, 0x1d5c2, 0x1d5c3, 0x1d5c4, 0x1d5c5, 0x1d5c6, 0x1d5c7,
    0x1d5c8, 0x1d5c9, 0x1d5ca, 0x1d5cb, 0x1d5cc, 0x1d5cd, 0x1d5ce, 0x1d5cf, 0x1d5d0, 0x1d5d1, 0x1d5d2,
    0x1d5d3, 0x1d5d4, 0x1d5d5, 0x1d5d6, 0x1d5d7, 0x1d5d8, 0x1d5d9, 0x1d5da, 0x1d5db, 0x1d5dc, 0x1d5dd,
    0x1d5de, 0x1d5df, 0x1d5e0, 0x1d5e1, 0x1d5e2, 0x1d5e3, 0x1d5e4, 0x1d5e5, 0x1d5e6, 0x1d5e7, 0x1d5e8,
    0x1d5e9, 0x1d5ea, 0x1d5eb, 0x1d5ec, 0x1d5ed, 0x1d5ee, 0x1d5ef, 0x1d5f0, 0x1d5f1, 0x1d5f2, 0x1d5f3,
    0x1d5f4, 0x1d5f5, 0x1d5f6, 0x1d5f7, 0x1d5f8, 0x1d5f9, 0x1d5fa, 0x1d5fb, 0x1d5fc, 0x1d5fd, 0x1d5fe,
    0x1d5ff, 0x1d600, 0x1d601, 0x1d602, 0x1d603, 0x1d604, 0x1d605, 0x1d606, 0x1d607, 0x1d608, 0x1d609,
    0x1d60a, 0x1d60b, 0x1d60c, 0x1d60d, 0x1d60e, 0x1d60f, 0x1d610, 0x1d611, 0x1d612, 0x1d613, 0x1d614,
    0x1d615, 0x1d616, 0x1d617, 0x1d618, 0x1d619, 0x1d61a, 0x1d61b, 0x1d61c, 0x1d61d, 0x1d61e, 0x1d61f,
    0x1d620, 0x1d621, 0x1d622, 0x1d623, 0x1d624, 0x1d625, 0x1d626, 0x1d627, 0x1d628, 0x1d629, 0x1d62a,
    0x1d62b, 0x1d62c, 0x1d62d, 0x1d62e, 0x1d62f, 0x1d630, 0x1d631, 0x1d632, 0x1d633, 0x1d634, 0x1d635,
    0x1d636, 0x1d637, 0x1d638, 0x1d639, 0x1d63a, 0x1d63b, 0x1d63c, 0x1d63d, 0x1d63e, 0x1d63f, 0x1d640,
    0x1d641, 0x1d642, 0x1d643, 0x1d644, 0x1d645, 0x1d646, 0x1d647, 0x1d648, 0x1d649, 0x1d64a, 0x1d64b,
    0x1d64c, 0x1d64d, 0x1d64e, 0x1d64f, 0x1d650, 0x1d651, 0x1d652, 0x1d653, 0x1d654, 0x1d655, 0x1d656,
    0x1d657, 0x1d658, 0x1d659, 0x1d65a, 0x1d65b, 0x1d65c, 0x1d65d, 0x1d65e, 0x1d65f, 0x1d660, 0x1d661,
    0x1d662, 0x1d663, 0x1d664, 0x1d665, 0x1d666, 0x1d667, 0x1d668, 0x1d669, 0x1d66a, 0x1d66b, 0x1d66c,
    0x1d66d, 0x1d66e, 0x1d66f, 0x1d670, 0x1d671, 0x1d672, 0x1d673, 0x1d674, 0x1d675, 0x1d676, 0x1d677,
    0x1d678, 0x1d679, 0x1d67a, 0x1d67b, 0x1d67c, 0x1d67d, 0x1d67e, 0x1d67f, 0x1d680, 0x1d681, 0x1d682,
    0x1d683, 0x1d684, 0x1d685, 0x1d686, 0x1d687, 0x1d688, 0x1d689, 0x1d68a, 0x1d68b, 0x1d68c, 0x1d68d,
    0x1d68e, 0x1d68f, 0x1d690, 0x1d691, 0x1d692, 0x1d693, 0x1d694, 0x1d695, 0x1d696, 0x1d697, 0x1d698,
    0x1d699, 0x1d69a, 0x1d69b, 0x1d69c, 0x1d69d, 0x1d69e, 0x1d69f, 0x1d6a0, 0x1d6a1, 0x1d6a2, 0x1d6a3,
    0x1d7ce, 0x1d7cf, 0x1d7d0, 0x1d7d1, 0x1d7d2, 0x1d7d3, 0x1d7d4, 0x1d7d5, 0x1d7d6, 0x1d7d7, 0x1d7d8,
    0x1d7d9, 0x1d7da, 0x1d7db, 0x1d7dc, 0x1d7dd, 0x1d7de, 0x1d7df, 0x1d7e0, 0x1d7e1, 0x1d7e2, 0x1d7e3,
    0x1d7e4, 0x1d7e5, 0x1d7e6, 0x1d7e7, 0x1d7e8, 0x1d7e9, 0x1d7ea, 0x1d7eb, 0x1d7ec, 0x1d7ed, 0x1d7ee,
    0x1d7ef, 0x1d7f0, 0x1d7f1, 0x1d7f2, 0x1d7f3, 0x1d7f4, 0x1d7f5, 0x1d7f6, 0x1d7f7, 0x1d7f8, 0x1d7f9,
    0x1d7fa, 0x1d7fb, 0x1d7fc, 0x1d7fd, 0x1d7fe, 0x1d7ff, 0xe0000, 0xe0001, 0xe0002, 0xe0003, 0xe0004,
    0xe0005, 0xe0006, 0xe0007, 0xe0008, 0xe0009, 0xe000a, 0xe000b, 0xe000c, 0xe000d, 0xe000e, 0xe000f,
    0xe0010, 0xe0011, 0xe0012, 0xe0013, 0xe0014, 0xe0015, 0xe0016, 0xe0017, 0xe0018, 0xe0019, 0xe001a,
    0xe001b, 0xe001c, 0xe001d, 0xe001e, 0xe001f, 0xe0020, 0xe0021, 0xe0022, 0xe0023, 0xe0024, 0xe0025,
    0xe0026, 0xe0027, 0xe0028, 0xe0029, 0xe002a, 0xe002b, 0xe002c, 0xe002d, 0xe002e, 0xe002f, 0xe0030,
    0xe0031, 0xe0032, 0xe0033, 0xe0034, 0xe0035, 0xe0036, 0xe0037, 0xe0038, 0xe0039, 0xe003a, 0xe003b,
    0xe003c, 0xe003d, 0xe003e, 0xe003f, 0xe0040, 0xe0041, 0xe0042, 0xe0043, 0xe0044, 0xe0045, 0xe0046,
    0xe0047, 0xe0048, 0xe0049, 0xe004a, 0xe004b, 0xe004c, 0xe004d, 0xe004e, 0xe004f, 0xe0050, 0xe0051,
    0xe0052, 0xe0053, 0xe0054, 0xe0055, 0xe0056, 0xe0057, 0xe0058, 0xe0059, 0xe005a, 0xe005b, 0xe005c,
    0xe005d, 0xe005e, 0xe005f, 0xe0060, 0xe0061, 0xe0062, 0xe0063, 0xe0064, 0xe0065, 0xe0066, 0xe0067,
    0xe0068, 0xe0069, 0xe006a, 0xe006b, 0xe006c, 0xe006d, 0xe006e, 0xe006f, 0xe0070, 0xe0071, 0xe0072,
    0xe0073, 0xe0074, 0xe0075, 0xe0076, 0xe0077, 0xe0078, 0xe0079, 0xe007a, 0xe007b, 0xe007c, 0xe007d,
    0xe007e, 0xe007f,
};
static const unsigned short translit_at[] = {
    0, 1, 4, 6, 7, 10, 11, 12, 14, 19, 24, 29, 31, 32, 34, 36, 38, 40, 42, 44, 46, 47, 49, 51, 53, 55, 57,
    59, 61, 63, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 76, 78, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90,
    91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 108, 109, 110, 111, 112, 113, 114,
    115, 116, 117, 118, 119, 120, 121, 123, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137,
    138, 139, 140, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 158, 160, 161,
    162, 163, 164, 165, 166, 167, 168, 170, 172, 174, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 187,
    189, 192, 195, 197, 199, 200, 201, 203, 205, 206, 207, 209, 211, 213, 215, 217, 219, 220, 221, 222, 223,
    225, 226, 227, 229, 231, 232, 233, 234, 235, 236, 237, 238, 240, 242, 244, 246, 248, 249, 251, 252, 254,
    256, 259, 261, 263, 265, 266, 267, 268, 269, 270, 271, 273, 274, 275, 276, 277, 278, 279, 280, 281, 282,
    283, 284, 285, 286, 287, 288, 290, 292, 294, 297, 299, 301, 302, 304, 306, 308, 309, 310, 311, 312, 313,
    314, 316, 317, 318, 319, 320, 321, 322, 323, 324, 325, 326, 327, 328, 329, 330, 331, 333, 335, 337, 340,
    342, 344, 345, 347, 349, 351, 353, 355, 357, 359, 361, 362, 364, 365, 367, 369, 372, 374, 376, 378, 380,
    382, 384, 386, 388, 390, 392, 394, 396, 398, 400, 402, 404, 406, 409, 412, 414, 416, 418, 420, 422, 424,
    426, 428, 430, 432, 434, 436, 438, 440, 442, 444, 445, 446, 448, 450, 453, 456, 459, 462, 465, 468, 471,
    474, 475, 478, 481, 484, 487, 489, 491, 493, 495, 497, 499, 501, 503, 506, 509, 511, 513, 515, 517, 519,
    521, 523, 525, 527, 529, 531, 533, 535, 537, 540, 543, 545, 547, 548, 549, 550, 551, 552, 553, 554, 555,
    556, 557, 557, 558, 559, 560, 561, 563, 564, 565, 566, 567, 568, 569, 570, 572, 573, 574, 575, 576, 578,
    581, 582, 583, 585, 588, 589, 590, 592, 593, 595, 597, 599, 600, 600, 600, 600, 600, 602, 604, 607, 610,
    613, 616, 617, 620, 623, 624, 625, 626, 627, 628, 629, 630, 631, 632, 633, 635, 636, 637, 638, 639, 640,
    643, 647, 648, 651, 652, 653, 654, 655, 656, 657, 658, 659, 660, 661, 662, 663, 664, 665, 666, 671, 676,
    681, 686, 691, 696, 701, 706, 711, 716, 721, 726, 729, 730, 732, 735, 737, 738, 740, 743, 747, 749, 750,
    752, 755, 756, 757, 758, 759, 760, 762, 765, 767, 768, 770, 773, 777, 779, 780, 782, 785, 786, 787, 788,
    789, 791, 793, 796, 798, 800, 803, 804, 805, 806, 807, 808, 809, 810, 812, 814, 816, 818, 821, 824, 827,
    830, 833, 836, 839, 842, 845, 848, 850, 852, 854, 856, 858, 860, 862, 864, 867, 870, 873, 876, 879, 882,
    885, 888, 891, 893, 896, 899, 901, 903, 905, 907, 909, 912, 913, 915, 918, 921, 924, 927, 930, 933, 936,
    939, 942, 946, 950, 954, 958, 962, 966, 970, 974, 978, 982, 986, 989, 992, 995, 998, 1001, 1004, 1007,
    1010, 1013, 1017, 1021, 1025, 1029, 1033, 1037, 1041, 1045, 1049, 1053, 1057, 1059, 1061, 1063, 1065,
    1067, 1069, 1071, 1073, 1075, 1078, 1081, 1084, 1087, 1090, 1093, 1096, 1099, 1102, 1105, 1108, 1111,
    1114, 1117, 1120, 1123, 1126, 1129, 1132, 1135, 1138, 1141, 1144, 1147, 1150, 1153, 1156, 1159, 1162,
    1165, 1168, 1171, 1174, 1177, 1180, 1183, 1186, 1189, 1192, 1195, 1198, 1201, 1204, 1207, 1210, 1213,
    1216, 1219, 1222, 1225, 1228, 1231, 1234, 1237, 1240, 1243, 1246, 1249, 1252, 1255, 1258, 1261, 1264,
    1267, 1270, 1273, 1276, 1279, 1282, 1285, 1288, 1291, 1294, 1297, 1300, 1303, 1306, 1309, 1312, 1315,
    1318, 1321, 1324, 1327, 1330, 1333, 1336, 1339, 1342, 1345, 1346, 1347, 1348, 1349, 1350, 1351, 1352,
    1353, 1354, 1355, 1356, 1357, 1360, 1362, 1365, 1366, 1367, 1371, 1375, 1379, 1383, 1387, 1391, 1395,
    1399, 1403, 1407, 1411, 1415, 1419, 1423, 1427, 1431, 1435, 1439, 1443, 1447, 1451, 1455, 1459, 1463,
    1467, 1471, 1475, 1479, 1483, 1487, 1490, 1492, 1494, 1497, 1499, 1501, 1503, 1505, 1507, 1509, 1511,
    1513, 1515, 1517, 1520, 1524, 1526, 1528, 1530, 1532, 1534, 1536, 1538, 1541, 1544, 1547, 1550, 1552,
    1554, 1556, 1558, 1560, 1562, 1564, 1566, 1568, 1570, 1574, 1578, 1581, 1585, 1589, 1593, 1596, 1600,
    1603, 1608, 1610, 1613, 1616, 1619, 1622, 1627, 1634, 1636, 1638, 1640, 1642, 1644, 1646, 1648, 1650,
    1652, 1654, 1656, 1658, 1660, 1662, 1664, 1666, 1670, 1672, 1674, 1676, 1680, 1683, 1685, 1687, 1689,
    1691, 1693, 1695, 1697, 1699, 1701, 1703, 1706, 1708, 1710, 1713, 1716, 1718, 1722, 1725, 1727, 1729,
    1731, 1733, 1735, 1737, 1739, 1742, 1745, 1747, 1748, 1748, 1748, 1748, 1748, 1748, 1748, 1748, 1748,
    1748, 1748, 1748, 1748, 1748, 1748, 1748, 1748, 1749, 1750, 1751, 1752, 1753, 1754, 1755, 1756, 1757,
    1758, 1759, 1760, 1761, 1762, 1763, 1764, 1765, 1766, 1767, 1768, 1769, 1770, 1771, 1772, 1772, 1773,
    1774, 1775, 1776, 1777, 1778, 1779, 1780, 1781, 1782, 1783, 1784, 1785, 1786, 1787, 1788, 1789, 1790,
    1791, 1792, 1793, 1794, 1795, 1796, 1797, 1798, 1799, 1800, 1801, 1802, 1803, 1804, 1805, 1806, 1807,
    1808, 1809, 1810, 1811, 1812, 1813, 1814, 1815, 1816, 1817, 1818, 1819, 1820, 1821, 1822, 1823, 1824,
    1825, 1826, 1827, 1828, 1829, 1830, 1831, 1832, 1833, 1834, 1835, 1836, 1837, 1838, 1839, 1840, 1841,
    1842, 1843, 1844, 1845, 1846, 1847, 1848, 1849, 1850, 1851, 1852, 1853, 1854, 1855, 1856, 1857, 1858,
    1859, 1860, 1861, 1862, 1863, 1864, 1865, 1866, 1867, 1868, 1869, 1870, 1871, 1872, 1873, 1874, 1875,
    1876, 1877, 1878, 1879, 1880, 1881, 1882, 1883, 1884, 1885, 1886, 1887, 1888, 1889, 1890, 1891, 1892,
    1893, 1894, 1895, 1896, 1897, 1898, 1899, 1900, 1901, 1902, 1903, 1904, 1905, 1906, 1907, 1908, 1909,
    1910, 1911, 1912, 1913, 1914, 1915, 1916, 1917, 1918, 1919, 1920, 1921, 1922, 1923, 1924, 1925, 1926,
    1927, 1928, 1929, 1930, 1931, 1932, 1933, 1934, 1935, 1936, 1937, 1938, 1939, 1940, 1941, 1942, 1943,
    1944, 1945, 1946, 1947, 1948, 1949, 1950, 1951, 1952, 1953, 1954, 1955, 1956, 1957, 1958, 1959, 1960,
    1961, 1962, 1963, 1964, 1965, 1966, 1967, 1968, 1969, 1970, 1971, 1972, 1973, 1974, 1975, 1976, 1977,
    1978, 1979, 1980, 1981, 1982, 1983, 1984, 1985, 1986, 1987, 1988, 1989, 1990, 1991, 1992, 1993, 1994,
    1995, 1996, 1997, 1998, 1999, 2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011,
    2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028,
    2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036, 2037, 2038, 2039, 2040, 2041, 2042, 2043, 2044, 2045,
    2046, 2047, 2048, 2049, 2050, 2051, 2052, 2053, 2054, 2055, 2056, 2057, 2058, 2059, 2060, 2061, 2062,
    2063, 2064, 2065, 2066, 2067, 2068, 2069, 2070, 2071, 2072, 2073, 2074, 2075, 2076, 2077, 2078, 2079,
    2080, 2081, 2082, 2083, 2084, 2085, 2086, 2087, 2088, 2089, 2090, 2091, 2092, 2093, 2094, 2095, 2096,
    2097, 2098, 2099, 2100, 2101, 2102, 2103, 2104, 2105, 2106, 2107, 2108, 2109, 2110, 2111, 2112, 2113,
    2114, 2115, 2116, 2117, 2118, 2119, 2120, 2121, 2122, 2123, 2124, 2125, 2126, 2127, 2128, 2129, 2130,
    2131, 2132, 2133, 2134, 2135, 2136, 2137, 2138, 2139, 2140, 2141, 2142, 2143, 2144, 2145, 2146, 2147,
    2148, 2149, 2150, 2151, 2152, 2153, 2154, 2155, 2156, 2157, 2158, 2159, 2160, 2161, 2162, 2163, 2164,
    2165, 2166, 2167, 2168, 2169, 2170, 2171, 2172, 2173, 2174, 2175, 2176, 2177, 2178, 2179, 2180, 2181,
    2182, 2183, 2184, 2185, 2186, 2187, 2188, 2189, 2190, 2191, 2192, 2193, 2194, 2195, 2196, 2197, 2198,
    2199, 2200, 2201, 2202, 2203, 2204, 2205, 2206, 2207, 2208, 2209, 2210, 2211, 2212, 2213, 2214, 2215,
    2216, 2217, 2218, 2219, 2220, 2221, 2222, 2223, 2224, 2225, 2226, 2227, 2228, 2229, 2230, 2231, 2232,
    2233, 2234, 2235, 2236, 2237, 2238, 2239, 2240, 2241, 2242, 2243, 2244, 2245, 2246, 2247, 2248, 2249,
    2250, 2251, 2252, 2253, 2254, 2255, 2256, 2257, 2258, 2259, 2260, 2261, 2262, 2263, 2264, 2265, 2266,
    2267, 2268, 2269, 2270, 2271, 2272, 2273, 2274, 2275, 2276, 2277, 2278, 2279, 2280, 2281, 2282, 2283,
    2284, 2285, 2286, 2287, 2288, 2289, 2290, 2291, 2292, 2293, 2294, 2295, 2296, 2297, 2298, 2299, 2300,
    2301, 2302, 2303, 2304, 2305, 2306, 2307, 2308, 2309, 2310, 2311, 2312, 2313, 2314, 2315, 2316, 2317,
    2318, 2319, 2320, 2321, 2322, 2323, 2324, 2325, 2326, 2327, 2328, 2329, 2330, 2331, 2332, 2333, 2334,
    2335, 2336, 2337, 2338, 2339, 2340, 2341, 2342, 2343, 2344, 2345, 2346, 2347, 2348, 2349, 2350, 2351,
    2352, 2353, 2354, 2355, 2356, 2357, 2358, 2359, 2360, 2361, 2362, 2363, 2364, 2365, 2366, 2367, 2368,
    2369, 2370, 2371, 2372, 2373, 2374, 2375, 2376, 2377, 2378, 2379, 2380, 2381, 2382, 2383, 2384, 2385,
    2386, 2387, 2388, 2389, 2390, 2391, 2392, 2393, 2394, 2395, 2396, 2397, 2398, 2399, 2400, 2401, 2402,
    2403, 2404, 2405, 2406, 2407, 2408, 2409, 2410, 2411, 2412, 2413, 2414, 2415, 2416, 2417, 2418, 2419,
    2420, 2421, 2422, 2423, 2424, 2425, 2426, 2427, 2428, 2429, 2430, 2431, 2432, 2433, 2434, 2435, 2436,
    2437, 2438, 2439, 2440, 2441, 2442, 2443, 2444, 2445, 2446, 2447, 2448, 2449, 2450, 2451, 2452, 2453,
    2454, 2455, 2456, 2457, 2458, 2459, 2460, 2461, 2462, 2463, 2464, 2465, 2466, 2467, 2468, 2469, 2470,
    2471, 2472, 2473, 2474, 2475, 2476, 2477, 2478, 2479, 2480, 2481, 2482, 2483, 2484, 2485, 2486, 2487,
    2488, 2489, 2490, 2491, 2492, 2493, 2494, 2495, 2496, 2497, 2498, 2499, 2500, 2501, 2502, 2503, 2504,
    2505, 2506, 2507, 2508, 2509, 2510, 2511, 2512, 2513, 2514, 2515, 2516, 2517, 2518, 2519, 2520, 2521,
    2522, 2523, 2524, 2525, 2526, 2527, 2528, 2529, 2530, 2531, 2532, 2533, 2534, 2535, 2536, 2537, 2538,
    2539, 2540, 2541, 2542, 2543, 2544, 2545, 2546, 2547, 2548, 2549, 2550, 2551, 2552, 2553, 2554, 2555,
    2556, 2557, 2558, 2559, 2560, 2561, 2562, 2563, 2564, 2565, 2566, 2566, 2566, 2566, 2566, 2566, 2566,
    2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566,
    2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566,
    2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566,
    2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566,
    2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566,
    2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566,
    2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566, 2566,
    2566, 2566, 2566,
};
static const char translit_text[] =
    " (C)<<-(R)u,>> 1/4  1/2  3/4 AExssaeIJij'nOEoesLJLjljNJNjnjDZDzdz'^'`_:~HhSSss##`WwisssJ``A;EIIO"
    "YOIAVGDEZITHIKLMNXOPRSTYFCHPSOIYaeiiyavgdezithiklmnxoprsstyfchpsoiyoyo&bthY`Y`Y`fp&Qq66Ww9090900"
    "900SHshFfKHkhHhDJdjGJgjTItikrsjTHeeSHshSSsrSSSYODJG`YEZ`IYIJL`N`TSHK`U`DHABVGDEZHZIJKLMNOPRSTUFX"
    "CZCHSHSHHA`Y``E`YUYAabvgdezhzijklmnoprstufxczchshshh``y``e`yuyayodjg`yez`iyijl`n`tshk`u`dhO`o`FH"
    "fhYHyhE`e`G`g`GHghGHghZH`zh`K`k`K`k`N`n`NGngP`p`O`o`C`C`T`t`UuH`h`TCZtczSH`sh`CH`ch`CH`ch`iZH`zh"
    "`CH`ch`A`a`A`a`E`e`A`a`ZH`zh`Z`z`Z`z`I`i`O`o`O`o`U`u`U`u`CH`ch`Y`y`'\"        -------'','\"\",,\"+o."
    "..... ``````<>!!/???!!? C=RsEURINRa/ca/sCc/oc/ugHHHhIILlNNoPQRRRTEL(TM)ZOhmZBCeeEFMoiDdeij 1/3  "
    "2/3  1/5  2/5  3/5  4/5  1/6  5/6  1/8  3/8  5/8  7/8  1/IIIIIIIVVVIVIIVIIIIXXXIXIILCDMiiiiiiivv"
    "viviiviiiixxxixiilcdm<--><-><==><=>-/\\*|:~<=>=<<>><<<>>>NULSOHSTXETXEOTENQACKBELBSHTLFVTFFCRSOSI"
    "DLEDC1DC2DC3DC4NAKSYNETBCANEMSUBESCFSGSRSUSSPDEL_NL(1)(2)(3)(4)(5)(6)(7)(8)(9)(10)(11)(12)(13)(1"
    "4)(15)(16)(17)(18)(19)(20)(1)(2)(3)(4)(5)(6)(7)(8)(9)(10)(11)(12)(13)(14)(15)(16)(17)(18)(19)(20"
    ")1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)(n)(o"
    ")(p)(q)(r)(s)(t)(u)(v)(w)(x)(y)(z)(A)(B)(C)(D)(E)(F)(G)(H)(I)(J)(K)(L)(M)(N)(O)(P)(Q)(R)(S)(T)(U"
    ")(V)(W)(X)(Y)(Z)(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)(n)(o)(p)(q)(r)(s)(t)(u)(v)(w)(x)(y)(z)(0"
    ")-|+++++++++o::====== =(21)(22)(23)(24)(25)(26)(27)(28)(29)(30)(31)(32)(33)(34)(35)(36)(37)(38)("
    "39)(40)(41)(42)(43)(44)(45)(46)(47)(48)(49)(50)hPadaAUbaroVpcpAnAuAmAkAKBMBGBcalkcalpFnFuFugmgkg"
    "HzkHzMHzGHzTHzulmldlklfmnmummmcmkmmm^2cm^2m^2km^2mm^3cm^3m^3km^3m/sm/s^2PakPaMPaGParadrad/srad/s"
    "^2psnsusmspVnVuVmVkVMVpWnWuWmWkWMWa.m.BqcccdC/kgCo.dBGyhaHPinKKKMktlmlnloglxmbmilmolPHp.m.PPMPRs"
    "rSvWbfffiflffifflst+___,.;:!(){}#&*+-<>=\\$%@!\"#$%&'()*+,-./0123456789:;<=>@ABCDEFGHIJKLMNOPQRSTU"
    "VWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzABC"
    "DEFGHIJKLMNOPQRSTUVWXYZabcdefgijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuv"
    "wxyzACDGJKNOPQSTUVWXYZabcdfhijkmnpqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    "ABDEFGJKLMNOPQSTUVWXYabcdefghijklmnopqrstuvwxyzABDEFGIJKLMOSTUVWXYabcdefghijklmnopqrstuvwxyzABCD"
    "EFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuv"
    "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
    "opqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZabcdef"
    "ghijklmnopqrstuvwxyz01234567890123456789012345678901234567890123456789";

/* Writes c to a byte stream as glibc's C locale converts it. */
static void put_converted(wchar_t c, FILE *stream) {
  if ((unsigned)c < 0x80) {
    fputc(c, stream);
    return;
  }
  int lo = 0, hi = (int)(sizeof translit_keys / sizeof translit_keys[0]) - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (translit_keys[mid] < (unsigned)c) {
      lo = mid + 1;
    } else if (translit_keys[mid] > (unsigned)c) {
      hi = mid - 1;
    } else {
      for (int i = translit_at[mid]; i < translit_at[mid + 1]; i++) fputc(translit_text[i], stream);
      return;
    }
  }
  fputc('?', stream);
}

#ifdef __WF_WIDE_STREAMS
/* stdio.c's, in programs that name a wide input function or fwide: a wide call orients an
   unoriented stream wide and fails (-1, errno untouched) on a byte-oriented one; on stdin it
   fails with EBADF and the error indicator, as glibc's */
int __wasmformer_orient_wide(FILE *stream);
int __wasmformer_bad_stream(FILE *stream);
static int wide_writable(FILE *stream) {
  if (!__wasmformer_orient_wide(stream)) return 0;
  return stream != stdin || __wasmformer_bad_stream(stream) == 0;
}
#endif

wint_t fputwc(wchar_t c, FILE *stream) {
#ifdef __WF_WIDE_STREAMS
  if (!wide_writable(stream)) return WEOF;
#else
  if (stream == stdin) return WEOF;
#endif
  put_converted(c, stream);
  return (wint_t)c;
}

wint_t putwc(wchar_t c, FILE *stream) {
  return fputwc(c, stream);
}

wint_t putwchar(wchar_t c) {
  return fputwc(c, stdout);
}

int fputws(const wchar_t *restrict s, FILE *restrict stream) {
#ifdef __WF_WIDE_STREAMS
  if (!wide_writable(stream)) return -1;
#else
  if (stream == stdin) return -1;
#endif
  while (*s) put_converted(*s++, stream);
  return 1;
}

/* Where formatted wide characters go: a byte stream, or a wide buffer of `size` characters. */
struct wsink {
  FILE *stream;
  wchar_t *buf;
  size_t size;
  size_t count; /* characters produced so far (also those that did not fit) */
};

static void wemit(struct wsink *s, wchar_t c) {
  if (s->stream) {
    put_converted(c, s->stream);
  } else if (s->count + 1 < s->size) {
    s->buf[s->count] = c;
  }
  s->count++;
}

static void wpad(struct wsink *s, int n) {
  while (n-- > 0) wemit(s, ' ');
}

/* Moves ap past an argument of 8 bytes (long long, double), which the area aligns to 8. */
static void skip64(va_list *ap) {
  *ap = (char *)(((unsigned long)*ap + 7) & ~7UL) + 8;
}

/*
 * One numeric conversion, `spec` in the byte printf's syntax with width and precision
 * resolved: formatted by vsnprintf from the current argument, which ap then passes.
 */
static void wnumber(struct wsink *s, const char *spec, va_list *ap, int wide_argument) {
  char small[64];
  char *text = small;
  int n = vsnprintf(small, sizeof small, spec, *ap);
  if (n >= (int)sizeof small && (text = malloc((size_t)n + 1)) != NULL) {
    vsnprintf(text, (size_t)n + 1, spec, *ap);
  } else if (text == NULL) {
    text = small;
    n = (int)sizeof small - 1; /* no memory for more: what fits */
  }
  for (int i = 0; i < n; i++) wemit(s, (unsigned char)text[i]);
  if (text != small) free(text);
  if (wide_argument) {
    skip64(ap);
  } else {
    (void)va_arg(*ap, int);
  }
}

/* %s, %ls and their NULL: glibc prints "(null)" when the precision allows all of it, else nothing. */
static int wstring(struct wsink *s, const void *arg, int wide, int precision, int width, int left) {
  static const wchar_t null_text[] = L"(null)";
  if (arg == NULL) {
    arg = precision < 0 || precision >= 6 ? null_text : L"";
    wide = 1;
  }
  const wchar_t *w = arg;
  const unsigned char *b = arg;
  int n = 0;
  while ((precision < 0 || n < precision) && (wide ? w[n] != 0 : b[n] != 0)) {
    if (!wide && b[n] >= 0x80) {
      errno = EILSEQ;
      return -1;
    }
    n++;
  }
  if (!left) wpad(s, width - n);
  for (int i = 0; i < n; i++) wemit(s, wide ? w[i] : b[i]);
  if (left) wpad(s, width - n);
  return 0;
}

static int wformat(struct wsink *s, const wchar_t *fmt, va_list *ap) {
  while (*fmt) {
    wchar_t c = *fmt++;
    if (c != '%') {
      wemit(s, c);
      continue;
    }
    char spec[32];
    int at = 0, left = 0;
    spec[at++] = '%';
    while (*fmt == '-' || *fmt == '0' || *fmt == '+' || *fmt == ' ' || *fmt == '#' || *fmt == '\'') {
      if (*fmt == '-') left = 1;
      // the C locale groups no digits: ' changes nothing
      if (*fmt != '\'' && at < 8) spec[at++] = (char)*fmt;
      fmt++;
    }
    int width = 0;
    if (*fmt == '*') {
      width = va_arg(*ap, int);
      fmt++;
      if (width < 0) {
        left = 1;
        spec[at++] = '-';
        width = -width;
      }
    } else {
      while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (int)(*fmt++ - '0');
    }
    int precision = -1;
    if (*fmt == '.') {
      fmt++;
      precision = 0;
      if (*fmt == '*') {
        precision = va_arg(*ap, int);
        fmt++;
        if (precision < 0) precision = -1;
      } else {
        while (*fmt >= '0' && *fmt <= '9') precision = precision * 10 + (int)(*fmt++ - '0');
      }
    }
    if (width > 0) at += snprintf(spec + at, 24, "%d", width);
    if (precision >= 0) at += snprintf(spec + at, 12, ".%d", precision);
    int longs = 0, eight = 0;
    while (*fmt == 'h' || *fmt == 'l' || *fmt == 'L' || *fmt == 'q' || *fmt == 'j' || *fmt == 'z' || *fmt == 't') {
      if (*fmt == 'l') longs++;
      if ((*fmt == 'l' && longs == 2) || *fmt == 'L' || *fmt == 'q' || *fmt == 'j') eight = 1;
      if (at < 28) spec[at++] = (char)*fmt;
      fmt++;
    }
    wchar_t conv = *fmt;
    if (conv == 0) return -1; // a format that ends inside a conversion fails, as glibc's
    fmt++;
    spec[at++] = (char)conv;
    spec[at] = 0;
    switch (conv) {
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        wnumber(s, spec, ap, eight);
        break;
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
        wnumber(s, spec, ap, 1);
        break;
      case 'p':
        wnumber(s, spec, ap, 0);
        break;
      case 'c':
      case 'C': {
        int arg = va_arg(*ap, int);
        // a byte the C locale does not know becomes WEOF
        wchar_t wc = conv == 'C' || longs ? (wchar_t)arg : (unsigned char)arg < 0x80 ? (unsigned char)arg : (wchar_t)WEOF;
        if (!left) wpad(s, width - 1);
        wemit(s, wc);
        if (wc == (wchar_t)WEOF) return -1;
        if (left) wpad(s, width - 1);
        break;
      }
      case 's':
      case 'S':
        if (wstring(s, va_arg(*ap, const void *), conv == 'S' || longs, precision, width, left) != 0) return -1;
        break;
      case 'n':
        *va_arg(*ap, int *) = (int)s->count;
        break;
      case '%':
        wemit(s, '%');
        break;
#ifdef __WF_PRINTF_M
      case 'm': {
        // glibc's %m and %#m, as printf's
        char number[12];
        const char *text = __wasmformer_errno_text(memchr(spec, '#', (size_t)at) != NULL, number);
        if (wstring(s, text, 0, precision, width, left) != 0) return -1;
        break;
      }
#endif
      default:
        wemit(s, '%');
        wemit(s, conv);
        break;
    }
  }
  return (int)s->count;
}

int vfwprintf(FILE *restrict stream, const wchar_t *restrict fmt, va_list ap) {
#ifdef __WF_WIDE_STREAMS
  if (!wide_writable(stream)) return -1;
#else
  if (stream == stdin) return -1;
#endif
  struct wsink s = {stream, NULL, 0, 0};
  return wformat(&s, fmt, &ap);
}

int vwprintf(const wchar_t *restrict fmt, va_list ap) {
  return vfwprintf(stdout, fmt, ap);
}

/* Unlike snprintf, a text that does not fit is an error (-1), and the buffer keeps what fits
   without a terminator, as glibc's; a conversion that fails ends the text where it failed. */
int vswprintf(wchar_t *restrict buf, size_t size, const wchar_t *restrict fmt, va_list ap) {
  if (size == 0) return -1;
  buf[0] = 0;
  struct wsink s = {NULL, buf, size, 0};
  int n = wformat(&s, fmt, &ap);
  if (s.count >= size) return -1;
  buf[s.count] = 0;
  return n;
}

int wprintf(const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vfwprintf(stdout, fmt, ap);
  va_end(ap);
  return n;
}

int fwprintf(FILE *restrict stream, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vfwprintf(stream, fmt, ap);
  va_end(ap);
  return n;
}

int swprintf(wchar_t *restrict buf, size_t size, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vswprintf(buf, size, fmt, ap);
  va_end(ap);
  return n;
}
#endif
