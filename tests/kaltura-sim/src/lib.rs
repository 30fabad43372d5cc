//! A local Kaltura api_v3 simulator. TODO(sim helper).
