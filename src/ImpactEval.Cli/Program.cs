System.Console.WriteLine("impacteval");
