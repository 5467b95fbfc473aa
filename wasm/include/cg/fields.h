// Which form fields and text carry personal data, and of which kind, so that they can be
// masked from session recorders (Webvisor, Hotjar, Clarity, ...). Reads what a page gives:
// type, autocomplete, inputmode, the label, aria-label, placeholder, name, id and the
// nearest heading, in Russian, Kazakh and English, case- and form-insensitively.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

enum class PiiKind : uint8_t {
  none,
  person_name,
  phone,
  email,
  address,
  iin,
  birth_date,
  card,
  secret,
  message
};
std::string_view pii_kind_name(PiiKind kind);

struct FieldInfo {
  std::string tag;  // input, textarea, select
  std::string type, name, id, autocomplete, inputmode, placeholder, aria_label, label, heading;
};

struct FieldVerdict {
  PiiKind kind = PiiKind::none;
  std::string signal;  // what decided, e.g. "type=password", "label:телефон", "textarea"
};

FieldVerdict classify_field(const FieldInfo& field);

// Personal data written in text: phone numbers (Kazakh/Russian formats), e-mail
// addresses, and 12-digit IINs with a valid check digit. Offsets are in bytes.
struct TextFinding {
  PiiKind kind;
  size_t offset;
  size_t length;
};
std::vector<TextFinding> find_pii_in_text(std::string_view text);

// Lower case for ASCII, Russian and Kazakh letters (ё folded to е); other bytes unchanged.
std::string fold_case(std::string_view text);

}  // namespace cg
