print("polygramc")
