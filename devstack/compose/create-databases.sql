-- One database per service: nobody reads another service's database.
create database zones;
create database partnership;
create database referral;
create database gateway;
