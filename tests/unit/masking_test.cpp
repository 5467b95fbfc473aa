#include "cg/masking.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cg/core.h"

using namespace cg;

TEST_CASE("passwords are always masked; the operator's marks decide the rest", "[masking]") {
  FieldInfo password{"input", "password", "pwd", "", "", "", "", "", "", ""};
  CHECK(mask_field(password, OperatorMark::unmask).mask);
  CHECK(mask_field(password, OperatorMark::none).signal == "type=password");

  FieldInfo phone{"input", "text", "Phone", "", "", "", "", "", "Телефон", ""};
  CHECK(mask_field(phone, OperatorMark::none).mask);
  CHECK(mask_field(phone, OperatorMark::none).kind == PiiKind::phone);
  MaskVerdict opted_out = mask_field(phone, OperatorMark::unmask);
  CHECK_FALSE(opted_out.mask);
  CHECK(opted_out.signal == "data-consent-guard-unmask");

  FieldInfo guests{"input", "number", "guests", "", "", "", "", "", "Количество гостей", ""};
  CHECK_FALSE(mask_field(guests, OperatorMark::none).mask);
  MaskVerdict forced = mask_field(guests, OperatorMark::mask);
  CHECK(forced.mask);
  CHECK(forced.signal == "data-consent-guard-mask");
}

TEST_CASE("text blocks with a phone, an e-mail or an IIN are masked", "[masking]") {
  CHECK(mask_text("Мы позвоним на +7 701 555 12 34.", OperatorMark::none).kind == PiiKind::phone);
  CHECK(mask_text("Пишите: hello@namo.kz", OperatorMark::none).kind == PiiKind::email);
  CHECK(mask_text("Плов — 2 500 ₸, лагман — 2 200 ₸.", OperatorMark::none).mask == false);
  CHECK(mask_text("Плов — 2 500 ₸", OperatorMark::mask).mask);
  CHECK_FALSE(mask_text("+7 701 555 12 34", OperatorMark::unmask).mask);
}

TEST_CASE("mask_request answers in order, with the markers, and refuses bad requests",
          "[masking]") {
  auto answer = nlohmann::json::parse(mask_request(R"({
    "fields": [{"tag": "input", "label": "Атыңыз"}, {"tag": "input", "label": "Қонақтар саны"},
               {"tag": "input", "type": "password", "mark": "unmask"}],
    "texts": [{"text": "ЖСН: 900101300017"}], "markers": true})"));
  REQUIRE(answer["ok"] == true);
  CHECK(answer["fields"][0]["kind"] == "person_name");
  CHECK(answer["fields"][1]["mask"] == false);
  CHECK(answer["fields"][2]["mask"] == true);
  CHECK(answer["texts"][0]["kind"] == "iin");
  auto classes = answer["markers"]["field"]["classes"];
  CHECK(std::find(classes.begin(), classes.end(), "ym-disable-keys") != classes.end());
  CHECK(answer["markers"]["field"]["attributes"]["data-clarity-mask"] == "True");
  auto unmask = answer["markers"]["unmask"]["attributes"];
  CHECK(std::find(unmask.begin(), unmask.end(), "data-hj-allow") != unmask.end());
  CHECK_FALSE(nlohmann::json::parse(mask_request("{}")).contains("markers"));

  for (const char* bad : {"", "[]", R"({"fields": {}})", R"({"texts": "x"})",
                          R"({"fields": [{"label": 5}]})", R"({"fields": ["x"]})",
                          R"({"fields": [{"mark": "maybe"}]})", R"({"texts": [{"text": null}]})"}) {
    INFO(bad);
    auto refused = nlohmann::json::parse(mask_request(bad));
    CHECK(refused["ok"] == false);
    CHECK_FALSE(refused["error"]["message"].get<std::string>().empty());
  }
  CHECK(nlohmann::json::parse(mask_request(R"({"fields": [{"label": 5}]})"))["error"]["field"] ==
        "fields[0]");
}

TEST_CASE("phones written with typographic spaces and dashes are found", "[masking]") {
  CHECK(mask_text("+7\u00A0(701)\u00A0555-12-34", OperatorMark::none).kind == PiiKind::phone);
  CHECK(mask_text("8\u2011701\u2011555\u201112\u201134", OperatorMark::none).kind ==
        PiiKind::phone);
  CHECK(mask_text("+7\u202F701\u202F555\u202F12\u202F34", OperatorMark::none).kind ==
        PiiKind::phone);
  CHECK(mask_text("2\u00A0500\u00A0₸ — 3\u00A0200\u00A0₸", OperatorMark::none).mask == false);
}
