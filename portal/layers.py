"""The Redis channel layer's settings, in one place for the settings, the tests and the bench.

Three of channels_redis's defaults fail under real use with redis-py 8 (found by `make bench`):
- redis-py 8 gives every connection a 5-second read timeout, and the layer waits on Redis for
  up to 5 seconds (`BZPOPMIN`) for the next message, so a process whose sockets are quiet for
  5 seconds loses its receive loop and drops them (channels_redis issue #422). The read timeout
  must be longer than that wait.
- redis-py 8 caps a connection pool at 100, and the layer holds one connection per socket
  waiting on a group send: a busy process raises "Too many connections".
- every socket of a process shares one Redis list holding `capacity` messages, and anything
  beyond that is dropped without a word: 100 is too few for hundreds of sockets in a burst.
"""

from __future__ import annotations

READ_TIMEOUT_SECONDS = 15  # longer than the layer's 5-second blocking wait
MAX_CONNECTIONS = 2000
CAPACITY = 5000


def redis_layer(url: str, prefix: str = "portal") -> dict:
    return {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {
            "hosts": [
                {
                    "address": url,
                    "socket_timeout": READ_TIMEOUT_SECONDS,
                    "max_connections": MAX_CONNECTIONS,
                }
            ],
            "prefix": prefix,
            "capacity": CAPACITY,
        },
    }
