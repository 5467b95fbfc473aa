// One test body, two test cases: the same checks against SQLite and PostgreSQL. The [pg]
// cases need the PostgreSQL ctest fixture and fail without it.
#pragma once

#include <catch2/catch.hpp>

#include "harness.h"

#define CG_BOTH_STORES(name, tags, body)                    \
  TEST_CASE(name " (sqlite)", "[collector][sqlite]" tags) { \
    body(::cg::collector::testing::Backend::sqlite);        \
  }                                                         \
  TEST_CASE(name " (pg)", "[collector][pg]" tags) {         \
    body(::cg::collector::testing::Backend::pg);            \
  }
