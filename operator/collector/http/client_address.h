// The client address that rate limits apply to. Directly on the internet it is the TCP
// peer. Behind a reverse proxy (operator/deploy/nginx.conf) every peer is the proxy: when
// the peer is one of the `trusted` proxy addresses, the client is the rightmost entry of
// X-Forwarded-For that is not itself a trusted proxy (entries further left were written by
// the client and prove nothing). Without trusted proxies the header is ignored, so a client
// cannot choose its own bucket.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cg::collector {

std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted);

}  // namespace cg::collector
