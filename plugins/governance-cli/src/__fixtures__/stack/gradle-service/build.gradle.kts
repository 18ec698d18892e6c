plugins {
    kotlin("jvm") version "2.0.20"
    id("org.springframework.boot") version "3.3.4"
}

dependencies {
    implementation("org.mongodb:mongodb-driver-kotlin-coroutine:5.1.0")
    implementation(group = "org.apache.kafka", name = "kafka-clients", version = "3.8.0")
    // implementation("com.mysql:mysql-connector-j:9.0.0") was replaced by MongoDB
    testImplementation("org.postgresql:postgresql:42.7.4")
}
