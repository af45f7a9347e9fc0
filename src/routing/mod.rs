//! Walking distances along the street network (to come: see issue 5). Until a network is
//! routed, distances are straight-line estimates, labelled as such.
