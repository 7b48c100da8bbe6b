// Only SHA-256 from OpenSSL's libcrypto (snapshot and ledger hashes).
#include <openssl/evp.h>
