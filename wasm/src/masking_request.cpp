// The masking module's entry point (bindings/masking_embind.cpp): a page's fields and text
// blocks in, the verdicts out, as JSON. Kept apart from Core: masking needs no consent
// state, and the page loads it only once the visitor has allowed a purpose.
#include "cg/masking.h"

namespace cg {
namespace {

// A string member, or "" when absent; false when present with another type.
[[gnu::noinline]] bool read_text(const json::Value& object, std::string_view key,
                                 std::string& out) {
  const json::Value* v = json::member(object, key);
  if (!v) return true;
  if (!v->IsString()) return false;
  out = std::string(json::string_of(*v));
  return true;
}

bool read_mark(const json::Value& object, OperatorMark& mark) {
  std::string m;
  if (!read_text(object, "mark", m)) return false;
  mark = m == "mask"     ? OperatorMark::mask
         : m == "unmask" ? OperatorMark::unmask
                         : OperatorMark::none;
  return m.empty() || mark != OperatorMark::none;
}

// The request keys of a field description and where they go.
constexpr std::pair<std::string_view, std::string FieldInfo::*> kFieldKeys[] = {
    {"tag", &FieldInfo::tag},
    {"type", &FieldInfo::type},
    {"name", &FieldInfo::name},
    {"id", &FieldInfo::id},
    {"autocomplete", &FieldInfo::autocomplete},
    {"inputmode", &FieldInfo::inputmode},
    {"placeholder", &FieldInfo::placeholder},
    {"ariaLabel", &FieldInfo::aria_label},
    {"label", &FieldInfo::label},
    {"heading", &FieldInfo::heading}};

void write_verdict(json::Out& o, const MaskVerdict& v) {
  o.object().key("mask").boolean(v.mask).key("kind").str(pii_kind_name(v.kind));
  o.key("signal").str(v.signal).end_object();
}

}  // namespace

std::string mask_request(const std::string& request) {
  json::Document r;
  if (!json::parse(request, r) || !r.IsObject())
    return json::error_answer("", "request must be a JSON object");
  const json::Value* fields = json::member(r, "fields");
  const json::Value* texts = json::member(r, "texts");
  const json::Value* markers = json::member(r, "markers");
  if ((fields && !fields->IsArray()) || (texts && !texts->IsArray()))
    return json::error_answer(fields && !fields->IsArray() ? "fields" : "texts",
                              "must be an array");
  json::Out o;
  o.object().key("ok").boolean(true).key("fields").array();
  for (rapidjson::SizeType i = 0; fields && i < fields->Size(); ++i) {
    const json::Value& f = (*fields)[i];
    FieldInfo info;
    OperatorMark mark = OperatorMark::none;
    bool ok = f.IsObject() && read_mark(f, mark);
    for (const auto& [key, member] : kFieldKeys) ok = ok && read_text(f, key, info.*member);
    if (!ok)
      return json::error_answer("fields[" + std::to_string(i) + "]",
                                "must be an object of strings");
    write_verdict(o, mask_field(info, mark));
  }
  o.end_array().key("texts").array();
  for (rapidjson::SizeType i = 0; texts && i < texts->Size(); ++i) {
    const json::Value& t = (*texts)[i];
    std::string text;
    OperatorMark mark = OperatorMark::none;
    if (!t.IsObject() || !read_text(t, "text", text) || !read_mark(t, mark))
      return json::error_answer("texts[" + std::to_string(i) + "]", "must be an object of strings");
    write_verdict(o, mask_text(text, mark));
  }
  o.end_array();
  if (markers && markers->IsBool() && markers->GetBool()) {
    o.key("markers");
    write_masking_markers(o);
  }
  o.end_object();
  return o.text();
}

}  // namespace cg
