// Signed checkpoints of a site log's head: a compact operator JWS (keys/operator_jws.h) with
// typ "consent-checkpoint+jwt" and the payload
//   {"site": origin, "size": entries in the log, "head": head_size (log/chain.h),
//    "iat": unix seconds}
// The collector makes one per site daily while serving and on demand (`checkpoint`); the
// operator keeps copies somewhere the database's administrators cannot reach. `verify`
// recomputes the chain and compares: an entry edited or deleted before a checkpoint's size
// changes the head there; entries deleted from the end leave the log shorter than `size`.
//
// Export line (JSON lines, one per checkpoint):
//   {"checkpoint": <jws>, "site": .., "size": .., "head": .., "iat": .., "kid": ..}
// The JWS is what counts; the other members are there for people and tools.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "keys/keyring.h"

namespace cg::collector {

constexpr std::string_view kCheckpointType = "consent-checkpoint+jwt";

struct CheckpointClaims {
  std::string site;
  int64_t size = 0;
  std::string head;
  int64_t iat = 0;
};

std::string make_checkpoint(const OperatorKey& key, const CheckpointClaims& claims);

// Codes: checkpoint.structure, checkpoint.header, checkpoint.payload, checkpoint.kid,
// checkpoint.window, checkpoint.signature.
Problem read_checkpoint(std::string_view jws, const Keyring& keys, CheckpointClaims& claims);

std::string checkpoint_line(std::string_view jws, const CheckpointClaims& claims,
                            std::string_view kid);
// The checkpoint JWS texts of an export file: lines as above, or bare JWS lines; blank lines
// are skipped. False, naming the line, when a line is neither.
bool read_checkpoint_lines(std::string_view text, std::vector<std::string>& jws,
                           std::string& error);

}  // namespace cg::collector
