// The compact copy of the registry that the synchronous loader carries, so that it can
// hold trackers before the core is ready. Generated at build time by `cg-gen-loader-data`
// into an ES module; tests check that it classifies exactly as the core does.
#pragma once

#include <string>

namespace cg {

// An ES module whose default export is
//   { h: [[RegExp, bit], ...],  // tested on hostname + pathname + search; first match wins
//     c: [[RegExp, bit], ...],  // tracker cookie names
//     s: [[RegExp, bit], ...],  // tracker storage keys
//     d: {...} }                // the Consent Mode v2 default (all denied, wait_for_update)
// where bit is the purpose bit (1 analytics, 2 session_recording, 4 marketing).
std::string loader_data_module();

}  // namespace cg
