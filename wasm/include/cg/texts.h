// Visitor-facing texts in Russian, Kazakh and English, and the choice of language.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cg {

// ru, kk or en: the configured language, else <html lang>, else the first browser
// language we ship, else Russian. "kz" (a common mistake for Kazakh) counts as kk.
std::string pick_language(std::string_view configured, std::string_view html_lang,
                          const std::vector<std::string>& browser_languages);

// The text for `key` in `lang`; the English text when the key is unknown in that language,
// and the key itself when unknown everywhere (so a missing text is visible, never blank).
std::string text(std::string_view key, std::string_view lang);

// Whether the catalog has `key` (operators may override only known texts).
bool known_text_key(std::string_view key);

// `text` with each "{name}" replaced by its value; unknown placeholders stay as they are.
std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> values);

}  // namespace cg
