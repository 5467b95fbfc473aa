#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <csignal>

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // as cg-collector does: a closed socket is not fatal
  return Catch::Session().run(argc, argv);
}
