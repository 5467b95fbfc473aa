// The compact copy of the registry that the synchronous loader carries, so that it can
// hold trackers before the core is ready. Generated at build time by `cg-gen-loader-data`
// into an ES module; tests check that it classifies as the core does. Once the core is ready
// it answers for itself (cookies, storage keys and socket frames only ever need it then:
// no tracker runs before it).
#pragma once

#include <string>

namespace cg {

// An ES module whose default export is
//   { h: [[RegExp, bit], ...],  // tested on hostname + pathname + search; first match wins
//     u: 16,                    // kUnknownYet: a third-party host the loader cannot place
//     p: {necessary: 0, analytics: 1, ...},  // the purposes' names and bits
//     g: [[RegExp, "VK"], ...],  // globals pages call on held scripts (Service::page_globals)
//     d: {...} }                // the Consent Mode v2 default (all denied, wait_for_update)
// where bit is the purpose bit (1 analytics, 2 session_recording, 4 marketing).
std::string loader_data_module();

}  // namespace cg
