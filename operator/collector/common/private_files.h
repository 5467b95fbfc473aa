// Who may read the collector's secrets and evidence. Operator keys (the folder and each
// .pem) are the collector's user's alone; nobody else may replace the published keyring;
// other users of the machine may neither read receipts (the SQLite files) nor enter the data
// folder that holds them. serve and init refuse to run otherwise: a key that leaked once can
// sign forever.
#pragma once

#include <string>
#include <vector>

namespace cg::collector {

// What is open to others, one line each with the chmod that fixes it; empty when all is
// private. sqlite_file: the database file, or "" for PostgreSQL. Missing paths are skipped.
std::vector<std::string> exposed_files(const std::string& key_dir, const std::string& data_dir,
                                       const std::string& sqlite_file);

}  // namespace cg::collector
