module example.com/ledger

go 1.22

require github.com/gin-gonic/gin v1.10.0

require (
	github.com/jackc/pgx/v5 v5.6.0
	github.com/segmentio/kafka-go v0.4.47 // publishes ledger events
	github.com/redis/go-redis/v9 v9.5.1 // indirect
	golang.org/x/sync v0.7.0
)

replace github.com/gin-gonic/gin => ../gin
