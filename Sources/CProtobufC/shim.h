#ifndef NEWSBUS_CPROTOBUFC_SHIM_H
#define NEWSBUS_CPROTOBUFC_SHIM_H
#include <protobuf-c/protobuf-c.h>
#endif
