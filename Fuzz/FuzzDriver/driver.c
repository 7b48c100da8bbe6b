// SwiftPM links an executable target with `--defsym main=<module>_main`; a fuzz harness is built
// with -parse-as-library (no Swift `main`), so its `<module>_main` is defined here and hands control
// to libFuzzer's driver with the harness's LLVMFuzzerTestOneInput. Every harness links this file;
// each uses only its own name.
#include "FuzzDriver.h"

static int run(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }

int fuzz_csv_main(int argc, char **argv) { return run(argc, argv); }
int fuzz_feed_main(int argc, char **argv) { return run(argc, argv); }
int fuzz_json_main(int argc, char **argv) { return run(argc, argv); }
int fuzz_dates_main(int argc, char **argv) { return run(argc, argv); }
int fuzz_config_main(int argc, char **argv) { return run(argc, argv); }
