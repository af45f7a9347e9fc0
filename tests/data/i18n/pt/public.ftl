public-units_change = { $n ->
        [1] 1 quarteirão muda de colégio
       *[other] { $n } quarteirões mudam de colégio
    }
