// Compact Language Detector 2 (Debian's libcld2) behind a C function Swift can call.
#ifndef C_LANGUAGE_ID_H
#define C_LANGUAGE_ID_H
#ifdef __cplusplus
extern "C" {
#endif

/// The language of `length` bytes of plain UTF-8 text: its ISO 639-1 code (or CLD2's own, such as
/// "zh-Hant") in `code` (at most 15 bytes and a NUL; "un" when unknown), the share of the text in
/// it (0–100) in `percent`, and whether CLD2 calls the answer reliable (1) in `reliable`.
void reputa_cld2_detect(const char *text, int length, char code[16], int *percent, int *reliable);

#ifdef __cplusplus
}
#endif
#endif
