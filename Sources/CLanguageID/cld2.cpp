// The one call into CLD2 (C++), for Swift. CLD2 keeps no state between calls and is thread-safe.
#include <cstdio>
#include <cstring>
#include <cld2/public/compact_lang_det.h>
#include "CLanguageID.h"

extern "C" void reputa_cld2_detect(const char *text, int length, char code[16], int *percent, int *reliable) {
    CLD2::Language top3[3];
    int percent3[3] = {0, 0, 0};
    int textBytes = 0;
    bool isReliable = false;
    CLD2::Language language = CLD2::DetectLanguageSummary(text, length, true, top3, percent3, &textBytes, &isReliable);
    // CLD2 answers ENGLISH when it found nothing to go on (0 % of the text in it): that is "unknown".
    const char *name = percent3[0] > 0 ? CLD2::LanguageCode(language) : "un";
    std::snprintf(code, 16, "%s", name ? name : "un");
    *percent = percent3[0];
    *reliable = isReliable ? 1 : 0;
}
